// The placed model's base in AR: its contact shadow on the real table, which is also the handle a visitor
// grabs to move the model (ARPlacement's base grips).
import type { ThreeEvent } from '@react-three/fiber'
import { useEffect, useMemo } from 'react'
import { CanvasTexture } from 'three'

/** A soft dark ellipse a little larger than the model, drawn once into a small texture: the model's contact shadow. */
export function ContactShadow({
  width,
  depth,
  onDown,
  onMove,
  onUp,
}: {
  width: number
  depth: number
  onDown: (e: ThreeEvent<PointerEvent>) => void
  onMove: (e: ThreeEvent<PointerEvent>) => void
  onUp: (e: ThreeEvent<PointerEvent>) => void
}) {
  const texture = useMemo(() => {
    const canvas = document.createElement('canvas')
    canvas.width = canvas.height = 64
    const ctx = canvas.getContext('2d')
    if (ctx) {
      const g = ctx.createRadialGradient(32, 32, 8, 32, 32, 32)
      g.addColorStop(0, 'rgba(0,0,0,0.55)')
      g.addColorStop(0.7, 'rgba(0,0,0,0.35)')
      g.addColorStop(1, 'rgba(0,0,0,0)')
      ctx.fillStyle = g
      ctx.fillRect(0, 0, 64, 64)
    }
    return new CanvasTexture(canvas)
  }, [])
  useEffect(() => () => texture.dispose(), [texture])
  return (
    <mesh
      rotation-x={-Math.PI / 2}
      position={[0, 0.002, 0]}
      scale={[width * 1.25 + 0.06, depth * 1.25 + 0.06, 1]}
      name="ar:base"
      onPointerDown={onDown}
      onPointerMove={onMove}
      onPointerUp={onUp}
      onPointerCancel={onUp}
    >
      <planeGeometry args={[1, 1]} />
      <meshBasicMaterial map={texture} transparent depthWrite={false} />
    </mesh>
  )
}
