// The generated textures as KTX2 (Basis Universal ETC1S at its top quality, mipmapped): a GPU keeps them
// compressed (ETC2 on a Quest, BC7 or BC1 on a desktop), a quarter to an eighth of RGBA's memory, and the files are a quarter
// to a half of the PNGs' size. UASTC was measured too (2026-12-04): higher fidelity than these subtle
// noise patterns need, and larger than the PNGs even with its RDO and Zstandard. Encoded in process by ktx2-encoder (the Basis encoder built to
// WebAssembly); the page transcodes them with three's KTX2Loader and the transcoder this server ships
// (public/decoders/basis/, scripts/assets/decoders.ts).
import { encodeToKTX2 } from 'ktx2-encoder'
import { surfaceTexture, type TextureName } from './surface-textures'

let encoderStarted = false

/** RGBA pixels (rows from the top, sRGB colour) → KTX2 bytes, rows kept as they are (glTF's orientation). */
export async function encodeKtx2(rgba: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  const encode = () =>
    encodeToKTX2(new Uint8Array(0), {
      isUASTC: false,
      qualityLevel: 255,
      generateMipmap: true,
      isPerceptual: true,
      isSetKTX2SRGBTransferFunc: true,
      isYFlip: false,
      imageDecoder: async () => ({ data: rgba, width, height }),
    })
  if (encoderStarted) return encode()
  encoderStarted = true
  // The encoder's WebAssembly module binds console.log when it starts and prints every slice through it;
  // started while console.log is quiet, it stays quiet (errors still go to console.error).
  const log = console.log
  console.log = () => undefined
  try {
    return await encode()
  } finally {
    console.log = log
  }
}

const encoded = new Map<TextureName, Promise<Uint8Array>>()

/** One surface texture as KTX2, encoded once per process (the model builder and public/textures/ share it). */
export function surfaceTextureKtx2(name: TextureName): Promise<Uint8Array> {
  let bytes = encoded.get(name)
  if (!bytes) {
    const { rgba, size } = surfaceTexture(name)
    bytes = encodeKtx2(rgba, size, size)
    encoded.set(name, bytes)
  }
  return bytes
}
