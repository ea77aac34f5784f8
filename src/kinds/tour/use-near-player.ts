// True while the visitor stands within `radius` of a point (with a metre of hysteresis). Stations use it
// to mount their detailed, interactive parts only nearby, which keeps draw calls inside the XR budget.
import { useFrame } from '@react-three/fiber'
import { useRef, useState } from 'react'
import { getPlayerPosition } from '../../platform/locomotion/player'
import type { Vec3 } from '../../schema/common'

export function useNearPlayer(point: Vec3, radius: number): boolean {
  const [near, setNear] = useState(false)
  const nearRef = useRef(false)
  useFrame(() => {
    const p = getPlayerPosition()
    const d = Math.hypot(p.x - point[0], p.z - point[2])
    const next = nearRef.current ? d < radius + 1 : d < radius
    if (next !== nearRef.current) {
      nearRef.current = next
      setNear(next)
    }
  })
  return near
}
