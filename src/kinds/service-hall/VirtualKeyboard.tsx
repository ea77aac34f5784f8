// An in-VR keyboard for pinyin, initials and English: the keys are drawn once onto one canvas texture,
// and the pointer's uv picks the key, so the whole keyboard is two draw calls. Works with rays, pinch, poke
// and mouse through @react-three/xr pointer events.
import type { ThreeEvent } from '@react-three/fiber'
import { useMemo, useRef } from 'react'
import { CanvasTexture, type Mesh, SRGBColorSpace } from 'three'
import { pulseSelectingController } from '../../platform/input/haptics'

export const KEY_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'] as const
/** Special keys on the bottom row, left to right, with their widths in key units. */
const SPECIAL = [
  { key: 'backspace', label: 'DEL', width: 2 },
  { key: ' ', label: 'SPACE', width: 5 },
  { key: 'enter', label: 'OK', width: 3 },
] as const

const COLS = 10
const ROWS = 5
const PX = 64

export type KeyboardKey = string

/** The key under a uv point on the keyboard plane, or null between keys. Exported for tests. */
export function keyAt(u: number, v: number): KeyboardKey | null {
  const row = Math.floor((1 - v) * ROWS)
  const col = u * COLS
  if (row < 0 || row >= ROWS || col < 0 || col >= COLS) return null
  if (row < KEY_ROWS.length) {
    const keys = KEY_ROWS[row]
    const start = (COLS - keys.length) / 2
    const i = Math.floor(col - start)
    return i >= 0 && i < keys.length ? keys[i] : null
  }
  let x = 0
  for (const s of SPECIAL) {
    if (col < x + s.width) return s.key
    x += s.width
  }
  return null
}

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

/** Where on the keyboard plane (local x, y in metres) a key's centre is; for tests that aim at keys. */
export function keyCentre(key: KeyboardKey, width = 0.8): [number, number] | null {
  const keySize = width / COLS
  const height = keySize * ROWS
  for (let row = 0; row < KEY_ROWS.length; row++) {
    const i = KEY_ROWS[row].indexOf(key)
    if (i >= 0) {
      const start = (COLS - KEY_ROWS[row].length) / 2
      return [(start + i + 0.5) * keySize - width / 2, height / 2 - (row + 0.5) * keySize]
    }
  }
  let x = 0
  for (const s of SPECIAL) {
    if (s.key === key) return [(x + s.width / 2) * keySize - width / 2, height / 2 - (ROWS - 0.5) * keySize]
    x += s.width
  }
  return null
}
