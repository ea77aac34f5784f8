// A QR code as one instanced mesh of dark modules on a white quiet zone (two draw calls), for links a
// visitor takes away on a phone. (The classroom draws its join code the same way; a kind may not import
// another kind, so a shared one belongs in the platform's ui kit.)
import QRCode from 'qrcode'
import { useLayoutEffect, useMemo, useRef } from 'react'
import { type InstancedMesh, Matrix4 } from 'three'
import type { Vec3 } from '../../../schema/common'

export function QrCode({
  text,
  size,
  position,
  name,
}: {
  text: string
  size: number
  position: Vec3
  name?: string
}) {
  const modules = useMemo(() => QRCode.create(text, { errorCorrectionLevel: 'M' }).modules, [text])
  const dark = useMemo(() => {
    const cells: [number, number][] = []
    for (let r = 0; r < modules.size; r++)
      for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) cells.push([r, c])
    return cells
  }, [modules])
  const mesh = useRef<InstancedMesh>(null)
  const cell = size / (modules.size + 4)
  useLayoutEffect(() => {
    const m = mesh.current
    if (!m) return
    const matrix = new Matrix4()
    dark.forEach(([r, c], i) => {
      matrix.makeTranslation((c - modules.size / 2 + 0.5) * cell, (modules.size / 2 - r - 0.5) * cell, 0.002)
      m.setMatrixAt(i, matrix)
    })
    m.instanceMatrix.needsUpdate = true
    m.computeBoundingSphere()
  }, [dark, cell, modules.size])
  return (
    <group position={position} name={name} userData={{ qrText: text }}>
      <mesh>
        <planeGeometry args={[size, size]} />
        <meshBasicMaterial color="#ffffff" toneMapped={false} />
      </mesh>
      <instancedMesh key={dark.length} ref={mesh} args={[undefined, undefined, dark.length]}>
        <planeGeometry args={[cell, cell]} />
        <meshBasicMaterial color="#000000" toneMapped={false} />
      </instancedMesh>
    </group>
  )
}
