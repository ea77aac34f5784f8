// Turns text into a QR code texture (qrcode package → module matrix → a nearest-filtered DataTexture), so
// the take-away checklist is one textured plane, scannable by any phone camera, with no canvas or network.
import QRCode from 'qrcode'
import { DataTexture, NearestFilter, RGBAFormat, SRGBColorSpace } from 'three'

/** A QR texture with a four-module quiet zone; `null` when the text is too long for a QR code. */
export function qrTexture(text: string): DataTexture | null {
  let qr: ReturnType<typeof QRCode.create>
  try {
    qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
  } catch {
    return null
  }
  const n = qr.modules.size
  const margin = 4
  const size = n + margin * 2
  const data = new Uint8Array(size * size * 4).fill(255)
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (!qr.modules.get(x, y)) continue
      // DataTexture rows run bottom-up; flip so the code reads the right way round.
      const i = ((size - 1 - (y + margin)) * size + (x + margin)) * 4
      data[i] = data[i + 1] = data[i + 2] = 0
    }
  }
  const texture = new DataTexture(data, size, size, RGBAFormat)
  texture.magFilter = NearestFilter
  texture.minFilter = NearestFilter
  texture.generateMipmaps = false
  texture.colorSpace = SRGBColorSpace
  texture.needsUpdate = true
  return texture
}
