// Controller models ship with their textures at most 512² (scripts/assets/controller-textures.ts): the Quest 3
// controller's 2048² map comes out 512², the model's nodes (the buttons and sticks @react-three/xr animates by
// name) are all still there, and the map's average colour is kept.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NodeIO } from '@gltf-transform/core'
import { ALL_EXTENSIONS } from '@gltf-transform/extensions'
import { PNG } from 'pngjs'
import { afterAll, describe, expect, it } from 'vitest'
import { CONTROLLER_TEXTURE_MAX, writeShrunkModel } from '../../../scripts/assets/controller-textures'
import { inputProfilesSourceDir } from '../../../scripts/assets/input-profiles'

const io = new NodeIO().registerExtensions(ALL_EXTENSIONS)
const dir = mkdtempSync(join(tmpdir(), 'controller-textures-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function meanRgb(png: Uint8Array): number[] {
  const { data } = PNG.sync.read(Buffer.from(png))
  const sum = [0, 0, 0]
  for (let i = 0; i < data.length; i += 4) for (let k = 0; k < 3; k++) sum[k] += data[i + k]
  return sum.map((s) => s / (data.length / 4))
}

describe('controller model textures', () => {
  it("shrinks the Quest 3 controller's 2048² map to 512², keeping its nodes and colour", async () => {
    const source = join(inputProfilesSourceDir(), 'meta-quest-touch-plus', 'left.glb')
    const target = join(dir, 'left.glb')
    await writeShrunkModel(source, target)
    const before = await io.readBinary(new Uint8Array(readFileSync(source)))
    const after = await io.readBinary(new Uint8Array(readFileSync(target)))
    const [original] = before.getRoot().listTextures()
    const [shrunk] = after.getRoot().listTextures()
    expect(original.getSize()).toEqual([2048, 2048])
    expect(shrunk.getSize()).toEqual([CONTROLLER_TEXTURE_MAX, CONTROLLER_TEXTURE_MAX])
    const names = (doc: typeof before) =>
      doc
        .getRoot()
        .listNodes()
        .map((n) => n.getName())
    expect(names(after)).toEqual(names(before))
    const [was, is] = [meanRgb(original.getImage()!), meanRgb(shrunk.getImage()!)]
    // Averaging in linear light lifts the sRGB mean of a textured map a little; never by more than a few steps.
    for (let k = 0; k < 3; k++) expect(Math.abs(is[k] - was[k])).toBeLessThan(6)
  })
})
