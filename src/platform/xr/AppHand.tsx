// The hand as the library draws it (its model, a pinch ray at a distance, grab and poke near panels), with
// its grab and touch spheres testing only what is within their reach of the index fingertip, where both sit.
import { DefaultXRHand } from '@react-three/xr'
import { NearFieldOrigin } from './NearFieldOrigin'
import { nearFieldPointerOptions, pointerOptions } from './pointer-options'

export function AppHand() {
  return (
    <>
      {/* The grab and touch pointers share the fingertip; pointer arbitration gives ties to the earlier
          (grab) unless touch is a default, so without makeDefault a poke never presses. */}
      <DefaultXRHand
        rayPointer={pointerOptions}
        touchPointer={{ ...nearFieldPointerOptions, makeDefault: true }}
        grabPointer={nearFieldPointerOptions}
      />
      <NearFieldOrigin space="index-finger-tip" />
    </>
  )
}
