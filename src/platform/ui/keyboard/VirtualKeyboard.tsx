// An in-VR keyboard for Latin letters, digits and space (pinyin, initials, English, names): the keys are
// drawn once onto one canvas texture, and the pointer's uv picks the key, so the whole keyboard is two
// draw calls. Works with rays, pinch, poke and mouse through @react-three/xr pointer events.
import type { ThreeEvent } from '@react-three/fiber'
import { useEffect, useMemo, useRef } from 'react'
import { CanvasTexture, type Mesh, SRGBColorSpace } from 'three'
import type { Vec3 } from '../../../schema/common'
import { useA11yTarget } from '../../a11y/a11y-registry'
import { logPointer } from '../../debug/test-hooks'
import { pulseSelectingController } from '../../input/haptics'
import { applyKey } from './keyboard-editing'
import {
  COLS,
  type KeyboardKey,
  type KeyboardLayout,
  keyAt,
  keyCentre,
  keyId,
  layoutKeys,
  QUERY_LAYOUT,
  ROWS,
} from './keyboard-layout'

const PX = 64

function drawKeyboard(layout: KeyboardLayout): CanvasTexture {
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
  layout.rows.forEach((keys, row) => {
    const start = (COLS - keys.length) / 2
    for (let i = 0; i < keys.length; i++) key(start + i, row, 1, keys[i])
  })
  let x = 0
  for (const s of layout.special) {
    key(x, ROWS - 1, s.width, s.label)
    x += s.width
  }
  const texture = new CanvasTexture(canvas)
  texture.colorSpace = SRGBColorSpace
  return texture
}

export interface VirtualKeyboardProps {
  /** The text being edited; each key edits the latest value and reports it through onChange. */
  value: string
  onChange: (value: string) => void
  /** Called with the value when OK is pressed. Default: nothing. */
  onSubmit?: (value: string) => void
  /** Called by the Cancel key (FIELD_LAYOUT); the caller restores its old value. Default: nothing. */
  onCancel?: () => void
  /** Longest value in characters; further keys are ignored. Default: no limit. */
  maxLength?: number
  /** Which keys, and which bottom row. Default QUERY_LAYOUT (DEL, SPACE, OK). */
  layout?: KeyboardLayout
  /**
   * Mirrors every key into the DOM button list (keyboards, screen readers), for places with no other
   * way to type on desktop. Default false.
   */
  announceKeys?: boolean
  position?: Vec3
  rotation?: Vec3
  /** Width in metres; height follows the key grid. Default 0.8. */
  width?: number
  /** Object name; each key gets an empty child "<name>:key:<key>" at its centre, for tests. Default "keyboard". */
  name?: string
}

export function VirtualKeyboard({
  value,
  onChange,
  onSubmit,
  onCancel,
  maxLength,
  layout = QUERY_LAYOUT,
  announceKeys = false,
  position,
  rotation,
  width = 0.8,
  name = 'keyboard',
}: VirtualKeyboardProps) {
  const texture = useMemo(() => drawKeyboard(layout), [layout])
  useEffect(() => () => texture.dispose(), [texture])
  const height = (width * ROWS) / COLS
  const highlight = useRef<Mesh>(null)
  const keySize = width / COLS
  // Two keys may land before React re-renders with the first one's value; each builds on the last.
  const latest = useRef(value)
  latest.current = value
  const press = (key: KeyboardKey) => {
    const outcome = applyKey(latest.current, key, maxLength)
    if (outcome.action === 'submit') onSubmit?.(outcome.value)
    else if (outcome.action === 'cancel') onCancel?.()
    else if (outcome.value !== latest.current) {
      latest.current = outcome.value
      onChange(outcome.value)
    }
  }
  const moveHighlight = (e: ThreeEvent<PointerEvent>) => {
    const h = highlight.current
    if (!h || !e.uv) return
    const key = keyAt(e.uv.x, e.uv.y, layout)
    const centre = key === null ? null : keyCentre(key, width, layout)
    h.visible = centre !== null
    if (!key || !centre) return
    // On the key itself: the shorter rows are offset by half a key, and bottom-row keys are wider.
    const keyUnits = layout.special.find((s) => s.key === key)?.width ?? 1
    h.position.set(centre[0], centre[1], 0.002)
    h.scale.set((keyUnits - 0.1) * keySize, 0.9 * keySize, 1)
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
        onPointerDown={(e) => {
          e.stopPropagation()
          logPointer(`down:keyboard:${e.pointerType}`)
        }}
        onClick={(e) => {
          e.stopPropagation()
          if (!e.uv) return
          const key = keyAt(e.uv.x, e.uv.y, layout)
          if (!key) return
          logPointer(`click:keyboard ${keyId(key)}:${(e.nativeEvent as PointerEvent).pointerType ?? ''}`)
          pulseSelectingController()
          press(key)
        }}
      >
        <planeGeometry args={[width, height]} />
        <meshBasicMaterial map={texture} toneMapped={false} />
      </mesh>
      <mesh ref={highlight} visible={false} raycast={() => null}>
        <planeGeometry args={[1, 1]} />
        <meshBasicMaterial color="#ffd166" transparent opacity={0.35} toneMapped={false} />
      </mesh>
      {layoutKeys(layout).map((key) => (
        <KeyAnchor
          key={key}
          name={`${name}:key:${keyId(key)}`}
          position={keyCentre(key, width, layout) ?? [0, 0]}
          label={announceKeys ? (layout.special.find((s) => s.key === key)?.label ?? key.toUpperCase()) : ''}
          onPress={() => press(key)}
        />
      ))}
    </group>
  )
}

/** An empty object at a key's centre (tests aim at it by name), optionally mirrored as a DOM button. */
function KeyAnchor({
  name,
  position,
  label,
  onPress,
}: {
  name: string
  position: [number, number]
  label: string
  onPress: () => void
}) {
  useA11yTarget(label, onPress)
  return <group name={name} position={[position[0], position[1], 0.001]} />
}
