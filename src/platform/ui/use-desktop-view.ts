// The desktop window's shape as the desktop camera will see it, for views that fit panels to it;
// null in a headset, whose view is wide enough for their default placement.
import { useThree } from '@react-three/fiber'
import { useMemo } from 'react'
import { desktopVerticalFov } from '../render/desktop-fov'
import { useXRSession } from '../xr'

export interface DesktopViewShape {
  aspect: number
  vFovDeg: number
}

export function useDesktopViewShape(): DesktopViewShape | null {
  const width = useThree((s) => s.size.width)
  const height = useThree((s) => s.size.height)
  const xr = useXRSession((s) => s.mode !== null)
  const aspect = width / Math.max(1, height)
  // The desktop rig's rule, not the camera's current value: the rig sets it after this renders. One
  // object per shape, so callers can memoise on it.
  return useMemo(() => (xr ? null : { aspect, vFovDeg: desktopVerticalFov(aspect) }), [xr, aspect])
}
