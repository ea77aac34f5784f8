// A QR code a visitor scans with a phone (the hall's take-away checklist, the classroom's join link, the
// twin's inspection report): one textured plane, so one draw call, made with no canvas and no network.
// The text rides along in userData.qrText so tests can read what the code says.
import { useEffect, useMemo } from 'react'
import type { Vec3 } from '../../schema/common'
import { qrTexture } from './qr-texture'

export interface QrCodeProps {
  text: string
  /** Edge length in metres, quiet zone included. */
  size: number
  position?: Vec3
  rotationY?: number
  name?: string
}

/** Draws nothing when the text is too long for a QR code (the caller shows the text some other way). */
export function QrCode({ text, size, position, rotationY = 0, name }: QrCodeProps) {
  const texture = useMemo(() => qrTexture(text), [text])
  useEffect(() => () => texture?.dispose(), [texture])
  if (!texture) return null
  return (
    <mesh position={position} rotation-y={rotationY} name={name} userData={{ qrText: text }}>
      <planeGeometry args={[size, size]} />
      <meshBasicMaterial map={texture} toneMapped={false} />
    </mesh>
  )
}
