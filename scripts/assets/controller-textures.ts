// Controller models with their textures at most 512²: the WebXR input-profile models carry 1024² and
// 2048² PNGs (a Quest 3's pair alone holds two 2048² maps, 45 MB of GPU memory with mipmaps, most of a
// headset scene's texture budget), for a controller that covers a few hundred pixels of the view. PNG maps
// are box-filtered down in linear light; JPEG ones (the generic models', 1024²) are left as they are.
import { readFileSync, writeFileSync } from 'node:fs'
import { NodeIO } from '@gltf-transform/core'
import { ALL_EXTENSIONS } from '@gltf-transform/extensions'
import { PNG, type PNGImage } from 'pngjs'
import { linearToSrgbByte, srgbByteToLinear } from '../textures/srgb'

export const CONTROLLER_TEXTURE_MAX = 512

const io = new NodeIO().registerExtensions(ALL_EXTENSIONS)

/** Writes `source` (a .glb) to `target` with every PNG texture larger than the maximum shrunk to it. */
export async function writeShrunkModel(source: string, target: string): Promise<void> {
  const document = await io.readBinary(new Uint8Array(readFileSync(source)))
  for (const texture of document.getRoot().listTextures()) {
    const image = texture.getImage()
    if (texture.getMimeType() !== 'image/png' || !image) continue
    const png = PNG.sync.read(Buffer.from(image))
    const factor = Math.ceil(Math.max(png.width, png.height) / CONTROLLER_TEXTURE_MAX)
    if (factor <= 1) continue
    texture.setImage(new Uint8Array(PNG.sync.write(boxDownsample(png, factor))))
  }
  writeFileSync(target, await io.writeBinary(document))
}

/** Every 8-bit value in linear light, looked up per texel (a 2048² map has 4 M of them). */
const toLinear = new Float32Array(256).map((_, byte) => srgbByteToLinear(byte))

/** Averages each `factor`×`factor` block: colour in linear light, alpha as it is. */
function boxDownsample(source: PNGImage, factor: number): PNGImage {
  const width = Math.floor(source.width / factor)
  const height = Math.floor(source.height / factor)
  const out: PNGImage = { width, height, data: new Uint8Array(width * height * 4) }
  const n = factor * factor
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sum = [0, 0, 0, 0]
      for (let dy = 0; dy < factor; dy++) {
        for (let dx = 0; dx < factor; dx++) {
          const i = ((y * factor + dy) * source.width + x * factor + dx) * 4
          for (let k = 0; k < 3; k++) sum[k] += toLinear[source.data[i + k]]
          sum[3] += source.data[i + 3]
        }
      }
      const o = (y * width + x) * 4
      for (let k = 0; k < 3; k++) out.data[o + k] = linearToSrgbByte(sum[k] / n)
      out.data[o + 3] = Math.round(sum[3] / n)
    }
  }
  return out
}
