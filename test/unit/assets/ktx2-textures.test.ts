// The surface textures as the page and the models get them (issue 11 item 3): KTX2 files of Basis
// ETC1S data (BasisLZ), with their whole mip chain and an sRGB transfer function, no larger than 2048²,
// each smaller than the PNG of the same pixels and all together at most half their size.
import { read } from 'ktx-parse'
import { describe, expect, it } from 'vitest'
import { surfaceTextureKtx2 } from '../../../scripts/textures/ktx2'
import { surfaceTexture, TEXTURE_NAMES } from '../../../scripts/textures/surface-textures'

/** Khronos Data Format values (KHR_DF_MODEL_ETC1S, KHR_DF_TRANSFER_SRGB) and KTX2 supercompression (BasisLZ). */
const MODEL_ETC1S = 163
const TRANSFER_SRGB = 2
const SUPERCOMPRESSION_BASISLZ = 1

describe('KTX2 surface textures', () => {
  it('are mipmapped ETC1S in sRGB, smaller than their PNGs', { timeout: 120_000 }, async () => {
    let ktx2Bytes = 0
    let pngBytes = 0
    for (const name of TEXTURE_NAMES) {
      const bytes = await surfaceTextureKtx2(name)
      const ktx = read(bytes)
      const { size, png } = surfaceTexture(name)
      expect([ktx.pixelWidth, ktx.pixelHeight], name).toEqual([size, size])
      expect(size, name).toBeLessThanOrEqual(2048)
      expect(ktx.levels, name).toHaveLength(Math.log2(size) + 1)
      expect(ktx.supercompressionScheme, name).toBe(SUPERCOMPRESSION_BASISLZ)
      expect(ktx.dataFormatDescriptor[0].colorModel, name).toBe(MODEL_ETC1S)
      expect(ktx.dataFormatDescriptor[0].transferFunction, name).toBe(TRANSFER_SRGB)
      expect(bytes.byteLength, name).toBeLessThan(png.byteLength)
      ktx2Bytes += bytes.byteLength
      pngBytes += png.byteLength
    }
    expect(ktx2Bytes).toBeLessThanOrEqual(pngBytes / 2)
  })
})
