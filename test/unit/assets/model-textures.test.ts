// Textured materials (issue 11 item 3): the builder box-projects UVs in metres over the tile, embeds
// each generated texture once, keeps triangles and draw calls as they were, and keeps untextured
// geometry merged into a textured primitive at its own colour (it samples only the flat texel).
import { TextureInfo } from '@gltf-transform/core'
import { BoxGeometry } from 'three'
import { describe, expect, it } from 'vitest'
import { encodeModel, inspectModel, ModelBuilder } from '../../../scripts/models/model-builder'
import { compensate } from '../../../scripts/models/model-textures'
import { surfaceTexture, TEXTURE_NAMES } from '../../../scripts/textures/surface-textures'

const paving = { name: 'paving', color: '#8d8a86', texture: { name: 'stone' as const, tile: 2 } }
const paint = { name: 'paint', color: '#b3201e' }

function slab(textured: boolean, vertexColors: boolean): ModelBuilder {
  const model = new ModelBuilder('slab', { bakeLight: false, vertexColors })
  model.add(new BoxGeometry(4, 0.2, 4), textured ? paving : { ...paving, texture: undefined })
  model.add(new BoxGeometry(1, 1, 1), paint, { position: [0, 0.6, 0] })
  return model
}

describe('generated surface textures', () => {
  it('draws every texture, subtle: mean albedo multiplier 0.6–0.85, flat texel brightest', () => {
    for (const name of TEXTURE_NAMES) {
      const texture = surfaceTexture(name)
      expect(texture.png.subarray(1, 4).toString(), name).toBe('PNG')
      for (const [k, mean] of texture.mean.entries()) {
        expect(mean, name).toBeGreaterThan(0.6)
        expect(mean, name).toBeLessThan(0.85)
        expect(texture.flat.rgb[k], name).toBeGreaterThanOrEqual(mean)
      }
    }
  })
})

describe('textured model materials', () => {
  for (const vertexColors of [false, true]) {
    it(`keeps triangles and draw calls and embeds the texture once (vertexColors ${vertexColors})`, async () => {
      const plain = await inspectModel(await encodeModel(slab(false, vertexColors)))
      const textured = await inspectModel(await encodeModel(slab(true, vertexColors)))
      expect(textured.triangles).toBe(plain.triangles)
      expect(textured.primitives).toBe(plain.primitives)
      const root = textured.document.getRoot()
      expect(root.listTextures()).toHaveLength(1)
      expect(root.listTextures()[0].getMimeType()).toBe('image/ktx2')
      expect(root.listExtensionsRequired().map((e) => e.extensionName)).toContain('KHR_texture_basisu')
      const primitives = root.listMeshes().flatMap((m) => m.listPrimitives())
      const mapped = primitives.filter((p) => p.getMaterial()?.getBaseColorTexture())
      expect(mapped.length).toBeGreaterThan(0)
      for (const primitive of mapped) {
        expect(primitive.getAttribute('TEXCOORD_0')).not.toBeNull()
        const info = primitive.getMaterial()!.getBaseColorTextureInfo()!
        expect([info.getWrapS(), info.getWrapT()]).toEqual([
          TextureInfo.WrapMode.REPEAT,
          TextureInfo.WrapMode.REPEAT,
        ])
        expect(info.getMinFilter()).toBe(TextureInfo.MinFilter.LINEAR_MIPMAP_LINEAR)
      }
    })
  }

  it('projects UVs in metres over the tile on the floor plane', async () => {
    const model = new ModelBuilder('floor', { bakeLight: false })
    model.add(new BoxGeometry(4, 0.2, 4), paving)
    const { document } = await inspectModel(await encodeModel(model))
    const uv = document.getRoot().listMeshes()[0].listPrimitives()[0].getAttribute('TEXCOORD_0')!
    const us: number[] = []
    for (let i = 0; i < uv.getCount(); i++) us.push(uv.getElement(i, [0, 0])[0])
    // A 4 m slab on a 2 m tile spans u from -1 to 1.
    expect(Math.min(...us)).toBeCloseTo(-1, 5)
    expect(Math.max(...us)).toBeCloseTo(1, 5)
  })

  it('compensates colours so texture × colour shows the material colour', () => {
    const texture = surfaceTexture('stone')
    const [r] = compensate([0.3, 0.3, 0.3], 'stone', true)
    expect(r * texture.mean[0]).toBeCloseTo(0.3, 5)
    const [flatR] = compensate([0.3, 0.3, 0.3], 'stone', false)
    expect(flatR * texture.flat.rgb[0]).toBeCloseTo(0.3, 5)
    expect(compensate([1, 1, 1], 'stone', true)).toEqual([1, 1, 1])
  })
})
