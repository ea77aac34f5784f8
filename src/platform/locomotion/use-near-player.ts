// True while the visitor stands within `radius` of a point (with a metre of hysteresis). Kinds use it to
// mount detailed, interactive parts only nearby, which keeps draw calls inside the XR budget.
import { useRef, useState } from 'react'
import type { Vec3 } from '../../schema/common'
import { useFrameStage } from '../frame'
import { usePlayer } from './player'

export function useNearPlayer(point: Vec3, radius: number): boolean {
  const [near, setNear] = useState(false)
  const nearRef = useRef(false)
  // One distance check a frame, no allocation; React hears only the rare change.
  useFrameStage('kindLogic', () => {
    const p = usePlayer.getState().position
    const d = Math.hypot(p[0] - point[0], p[2] - point[2])
    const next = nearRef.current ? d < radius + 1 : d < radius
    if (next !== nearRef.current) {
      nearRef.current = next
      setNear(next)
    }
  })
  return near
}
