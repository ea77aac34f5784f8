import { BoxGeometry, DoubleSide, FrontSide, Group, Mesh, MeshStandardMaterial } from 'three'
import { describe, expect, it } from 'vitest'
import { drawGlassInOnePass } from '../../../src/platform/models/one-pass-glass'

describe('drawGlassInOnePass', () => {
  it('draws transparent double-sided materials in one pass and leaves every other material as it was', () => {
    const glass = new MeshStandardMaterial({ transparent: true, opacity: 0.2, side: DoubleSide })
    const oneSidedGlass = new MeshStandardMaterial({ transparent: true, opacity: 0.2, side: FrontSide })
    const doubleOpaque = new MeshStandardMaterial({ side: DoubleSide })
    const root = new Group()
    const pane = new Mesh(new BoxGeometry(), [doubleOpaque, glass])
    root.add(pane, new Mesh(new BoxGeometry(), oneSidedGlass))
    pane.add(new Mesh(new BoxGeometry(), glass))
    const versions = [glass, oneSidedGlass, doubleOpaque].map((m) => m.version)
    drawGlassInOnePass(root)
    expect(glass.forceSinglePass).toBe(true)
    expect(oneSidedGlass.forceSinglePass).toBe(false)
    expect(doubleOpaque.forceSinglePass).toBe(false)
    // No program change: the flag only decides how many passes the renderer makes.
    expect([glass, oneSidedGlass, doubleOpaque].map((m) => m.version)).toEqual(versions)
  })
})
