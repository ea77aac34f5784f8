// An in-VR keyboard for pinyin, initials and English: the keys are drawn once onto one canvas texture,
// and the pointer's uv picks the key, so the whole keyboard is two draw calls. Works with rays, pinch, poke
// and mouse through @react-three/xr pointer events.
import type { ThreeEvent } from '@react-three/fiber'
import { useMemo, useRef } from 'react'
import { CanvasTexture, type Mesh, SRGBColorSpace } from 'three'
import { pulseSelectingController } from '../../input/haptics'
import { COLS, KEY_ROWS, type KeyboardKey, keyAt, ROWS, SPECIAL } from './keyboard-layout'

const PX = 64

function drawKeyboard(): CanvasTexture {
  const canvas = document.createElement('canvas')
  canvas.width = COLS * PX
  canvas.height = ROWS * PX
  const g = canvas.getContext('2d')
  if (!g) throw new Error('2D canvas unavailable')
  g.fillStyle = '#20232a'
  g.fillRect(0, 0, canvas.width, canvas.height)
  g.textAlign = 'center'
  g.textBaseline = 'middle'
  const key = (x: number, y: number, w: number, label: string) => {
    g.fillStyle = '#3a4a5c'
    g.beginPath()
    g.roundRect(x * PX + 4, y * PX + 4, w * PX - 8, PX - 8, 8)
    g.fill()
    g.fillStyle = '#ffffff'
    g.font = `bold ${label.length > 1 ? 20 : 30}px sans-serif`
    g.fillText(label.toUpperCase(), (x + w / 2) * PX, (y + 0.5) * PX)
  }
  KEY_ROWS.forEach((keys, row) => {
    const start = (COLS - keys.length) / 2
    for (let i = 0; i < keys.length; i++) key(start + i, row, 1, keys[i])
  })
  let x = 0
  for (const s of SPECIAL) {
    key(x, ROWS - 1, s.width, s.label)
    x += s.width
  }
  const texture = new CanvasTexture(canvas)
  texture.colorSpace = SRGBColorSpace
  return texture
}

export interface VirtualKeyboardProps {
  onKey: (key: KeyboardKey) => void
  position?: [number, number, number]
  rotation?: [number, number, number]
  /** Width in metres; height follows the key grid. Default 0.8. */
  width?: number
  name?: string
}

export function VirtualKeyboard({
  onKey,
  position,
  rotation,
  width = 0.8,
  name = 'keyboard',
}: VirtualKeyboardProps) {
  const texture = useMemo(drawKeyboard, [])
  const height = (width * ROWS) / COLS
  const highlight = useRef<Mesh>(null)
  const keySize = width / COLS
  const moveHighlight = (e: ThreeEvent<PointerEvent>) => {
    const h = highlight.current
    if (!h || !e.uv) return
    const row = Math.floor((1 - e.uv.y) * ROWS)
    h.visible = keyAt(e.uv.x, e.uv.y) !== null
    h.position.set(
      (Math.floor(e.uv.x * COLS) + 0.5) * keySize - width / 2,
      height / 2 - (row + 0.5) * keySize,
      0.002,
    )
  }
  return (
    <group position={position} rotation={rotation} name={name}>
      <mesh
        name={`${name}:keys`}
        userData={{ interactive: true, label: 'keyboard' }}
        onPointerMove={moveHighlight}
        onPointerOut={() => {
          if (highlight.current) highlight.current.visible = false
        }}
        onClick={(e) => {
          e.stopPropagation()
          if (!e.uv) return
          const key = keyAt(e.uv.x, e.uv.y)
          if (!key) return
          pulseSelectingController()
          onKey(key)
        }}
      >
        <planeGeometry args={[width, height]} />
        <meshBasicMaterial map={texture} toneMapped={false} />
      </mesh>
      <mesh ref={highlight} visible={false} raycast={() => null}>
        <planeGeometry args={[keySize * 0.9, keySize * 0.9]} />
        <meshBasicMaterial color="#ffd166" transparent opacity={0.35} toneMapped={false} />
      </mesh>
    </group>
  )
}
