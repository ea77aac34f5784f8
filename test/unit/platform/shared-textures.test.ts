// The page's surface textures: one load per name however many meshes show it, the GPU copy freed only
// when the last of them lets go (and usable again after), a failed load a flat surface with one warning.
import { RepeatWrapping, SRGBColorSpace, Texture } from 'three'
import { describe, expect, it } from 'vitest'
import { SharedTextures } from '../../../src/platform/render/shared-textures'

function fixture(fail: string[] = []) {
  const loads: string[] = []
  const warnings: string[] = []
  const textures = new SharedTextures<string>(
    async (name) => {
      loads.push(name)
      if (fail.includes(name)) throw new Error('404')
      return new Texture()
    },
    (message) => warnings.push(message),
  )
  return { textures, loads, warnings }
}

function disposals(texture: Texture): { count: number } {
  const seen = { count: 0 }
  texture.addEventListener('dispose', () => seen.count++)
  return seen
}

describe('shared surface textures', () => {
  it('loads each name once, configured for tiling, and hands every mesh the same texture', async () => {
    const { textures, loads } = fixture()
    const [a, b] = await Promise.all([textures.loaded('grass'), textures.loaded('grass')])
    expect(a).toBe(b)
    expect(loads).toEqual(['grass'])
    expect(a!.colorSpace).toBe(SRGBColorSpace)
    expect([a!.wrapS, a!.wrapT]).toEqual([RepeatWrapping, RepeatWrapping])
    expect(a!.flipY).toBe(false)
  })

  it('frees the GPU copy only when the last mesh lets go, and keeps the texture for the next scene', async () => {
    const { textures, loads } = fixture()
    const texture = (await textures.loaded('asphalt'))!
    const disposed = disposals(texture)
    textures.retain('asphalt') // the ground
    textures.retain('asphalt') // the roads
    textures.release('asphalt')
    expect(disposed.count).toBe(0)
    expect(textures.users('asphalt')).toBe(1)
    textures.release('asphalt')
    expect(disposed.count).toBe(1)
    // A later scene shows it again: no new download, the same object (three uploads it again).
    textures.retain('asphalt')
    expect(await textures.loaded('asphalt')).toBe(texture)
    expect(loads).toEqual(['asphalt'])
  })

  it('gives null for a texture that cannot be loaded, with one warning, so the surface stays flat', async () => {
    const { textures, warnings } = fixture(['wood'])
    expect(await textures.loaded('wood')).toBeNull()
    expect(await textures.loaded('wood')).toBeNull()
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('wood')
    textures.retain('wood')
    textures.release('wood')
    expect(textures.users('wood')).toBe(0)
  })
})
