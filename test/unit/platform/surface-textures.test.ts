// Surface textures on the floors, roads and lawns kinds draw (issue 11 item 3): the runtime's tones are
// the ones the asset build computes from the pixels it draws, UVs count metres over the tile on every
// face, and the colour compensation keeps each piece's colour, tiled or sampling only the flat texel.
import { BoxGeometry, Color, PlaneGeometry } from 'three'
import { describe, expect, it } from 'vitest'
import { surfaceTexture, TEXTURE_NAMES } from '../../../scripts/textures/surface-textures'
import { ColoredGeometryBatch } from '../../../src/platform/geometry/colored-geometry-batch'
import {
  compensateColor,
  SURFACE_TEXTURE_TONES,
  setTiledUVs,
  surfaceTextureUrl,
} from '../../../src/platform/render/surface-textures'
import { SurfaceTextureName } from '../../../src/schema/common'

const uvs = (g: {
  getAttribute(n: 'uv'): { count: number; getX(i: number): number; getY(i: number): number }
}) => {
  const uv = g.getAttribute('uv')
  return Array.from({ length: uv.count }, (_, i) => [uv.getX(i), uv.getY(i)])
}
const range = (values: number[]) => Math.max(...values) - Math.min(...values)

describe('surface texture tones', () => {
  it('names every texture the asset build draws, with the tones it computes from their pixels', () => {
    expect(SurfaceTextureName.options).toEqual([...TEXTURE_NAMES])
    for (const name of TEXTURE_NAMES) {
      const drawn = surfaceTexture(name)
      expect(SURFACE_TEXTURE_TONES[name], name).toEqual({ mean: drawn.mean, flat: drawn.flat })
    }
  })

  it('loads each texture from this origin', () => {
    expect(surfaceTextureUrl('grass')).toBe('/textures/grass.ktx2')
  })
})

describe('tiling in metres', () => {
  it('gives a floor x/z over the tile and walls their own plane, at the same scale', () => {
    // A 6 m × 3 m × 4 m box at x = 10: the top spans 6 × 4 m, the side facing x spans 4 × 3 m.
    const box = new BoxGeometry(6, 3, 4).toNonIndexed().translate(10, 1.5, 0)
    setTiledUVs(box, 2)
    const all = uvs(box)
    const top = all.slice(2 * 6, 3 * 6) // BoxGeometry's faces: +x, -x, +y, -y, +z, -z
    expect(range(top.map(([u]) => u))).toBeCloseTo(3) // 6 m / 2 m per tile
    expect(range(top.map(([, v]) => v))).toBeCloseTo(2)
    // World metres, not the piece's own: its left edge lies at x = 7, 3.5 tiles from the origin.
    expect(Math.min(...top.map(([u]) => u))).toBeCloseTo(3.5)
    const side = all.slice(0, 6)
    expect(range(side.map(([u]) => u))).toBeCloseTo(2) // z: 4 m
    expect(range(side.map(([, v]) => v))).toBeCloseTo(1.5) // y: 3 m
  })
})

describe('colour compensation', () => {
  it('divides by the mean where the texture tiles and by the flat texel where only that is sampled', () => {
    const colour = new Color('#7d9a6a')
    const tiled = compensateColor(colour.clone(), 'grass', true)
    const flat = compensateColor(colour.clone(), 'grass', false)
    const { mean, flat: texel } = SURFACE_TEXTURE_TONES.grass
    expect(tiled.r * mean[0]).toBeCloseTo(colour.r, 6)
    expect(tiled.b * mean[2]).toBeCloseTo(colour.b, 6)
    expect(flat.g * texel.rgb[1]).toBeCloseTo(colour.g, 6)
    expect(tiled.g).toBeGreaterThan(flat.g)
  })

  it('caps at 1: a near-white surface comes out slightly darker rather than overflowing', () => {
    const white = compensateColor(new Color(1, 1, 1), 'terrazzo', true)
    expect(white.toArray()).toEqual([1, 1, 1])
  })
})

describe('a batch with a surface texture', () => {
  it('tiles the textured pieces, points the rest at the flat texel, and keeps every colour', () => {
    const batch = new ColoredGeometryBatch({ name: 'terrazzo', tile: 2 })
      .place(new PlaneGeometry(8, 8), '#d9d4ca', [0, 0, 0], [-Math.PI / 2, 0, 0], { textured: true })
      .place(new BoxGeometry(1, 1, 1), '#1f5fa8', [0, 2, 0])
    const merged = batch.merge()!
    const all = uvs(merged)
    const floor = all.slice(0, 6)
    const wall = all.slice(6)
    expect(range(floor.map(([u]) => u))).toBeCloseTo(4) // 8 m / 2 m per tile
    const { mean, flat } = SURFACE_TEXTURE_TONES.terrazzo
    for (const uv of wall) expect(uv).toEqual(flat.uv.map((c) => Math.fround(c)))
    const color = merged.getAttribute('color')
    const floorColour = new Color('#d9d4ca')
    const wallColour = new Color('#1f5fa8')
    expect(color.getX(0) * mean[0]).toBeCloseTo(floorColour.r, 5)
    expect(color.getZ(6) * flat.rgb[2]).toBeCloseTo(wallColour.b, 5)
  })

  it('stays without UVs when made without a surface', () => {
    const merged = new ColoredGeometryBatch().place(new BoxGeometry(1, 1, 1), '#ff0000', [0, 0, 0]).merge()!
    expect(merged.getAttribute('uv')).toBeUndefined()
  })
})
