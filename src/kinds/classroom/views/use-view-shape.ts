// The desktop window's shape for logic/view-fit.ts; null in a headset, whose view is wide enough.
import { useThree } from '@react-three/fiber'
import type { PerspectiveCamera } from 'three'
import { useXRSession } from '../../../platform/xr'
import type { ViewShape } from '../logic/view-fit'

export function useViewShape(): ViewShape | null {
  const width = useThree((s) => s.size.width)
  const height = useThree((s) => s.size.height)
  const fov = useThree((s) => (s.camera as PerspectiveCamera).fov ?? 70)
  const xr = useXRSession((s) => s.mode !== null)
  return xr ? null : { aspect: width / Math.max(1, height), vFovDeg: fov }
}
