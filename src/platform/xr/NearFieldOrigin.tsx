// Where a controller's or hand's grab and touch spheres are, for the near-field filter (withinReach in
// pointer-options.ts): an empty object in the input's space, registered while mounted.
import { XRSpace } from '@react-three/xr'
import { useLayoutEffect, useRef } from 'react'
import type { Group } from 'three'
import { registerNearFieldOrigin } from './pointer-options'

/** An empty object in `space` (an input's grip, a hand's fingertip), registered as a near-field origin. */
export function NearFieldOrigin({ space }: { space: Parameters<typeof XRSpace>[0]['space'] }) {
  const ref = useRef<Group>(null)
  useLayoutEffect(() => (ref.current ? registerNearFieldOrigin(ref.current) : undefined), [])
  return <XRSpace ref={ref} space={space} />
}
