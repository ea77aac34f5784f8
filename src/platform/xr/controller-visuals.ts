// The library's controller visuals move every part node of a controller model every frame, from the
// gamepad's buttons and sticks: a slerp, a lerp and a matrix per part, about ten a controller. What they
// compute depends only on each component's state and values, and a controller at rest changes none of them.
import type { XRControllerGamepadState } from '@pmndrs/xr'

const STATES = { default: 0, touched: 1, pressed: 2 } as const

/** Every component's state, button value and stick axes, written into `into` in a fixed order. */
function readGamepad(gamepad: XRControllerGamepadState, into: number[]): number[] {
  into.length = 0
  for (const name in gamepad) {
    const c = gamepad[name]
    if (!c) continue
    into.push(STATES[c.state], c.button ?? -1, c.xAxis ?? -2, c.yAxis ?? -2)
  }
  return into
}

/**
 * `update` (the library's `createUpdateXRControllerVisuals`), run only in a frame where a component's state,
 * button value or axes changed since the last run, and the first time.
 */
export function whenGamepadChanged(update: () => void, gamepad: XRControllerGamepadState): () => void {
  let last: number[] | null = null
  let now: number[] = []
  return () => {
    readGamepad(gamepad, now)
    if (last && last.length === now.length && last.every((v, i) => v === now[i])) return
    ;[last, now] = [now, last ?? []]
    update()
  }
}
