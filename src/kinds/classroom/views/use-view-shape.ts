// The desktop window's shape for logic/view-fit.ts; null in a headset, whose view is wide enough.
import { useThree } from '@react-three/fiber'
import { desktopVerticalFov } from '../../../platform/render'
import { useXRSession } from '../../../platform/xr'
import type { ViewShape } from '../logic/view-fit'

export function useViewShape(): ViewShape | null {
  const width = useThree((s) => s.size.width)
  const height = useThree((s) => s.size.height)
  const xr = useXRSession((s) => s.mode !== null)
  const aspect = width / Math.max(1, height)
  // The desktop rig's rule, not the camera's current value: the rig sets it after this renders.
  return xr ? null : { aspect, vFovDeg: desktopVerticalFov(aspect) }
}
