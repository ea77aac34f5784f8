// `/?spectate` with no device cycles between the devices a visitor is using: online, in a scene, touched
// lately. Pure, so the choice is unit-tested.
import type { DeviceView } from '../../shared/venue/http-contracts'

/** How long the screen stays on one visitor before moving to the next. */
export const CYCLE_SECONDS = 20
/**
 * localStorage key a browser test sets to shorten the cycle (so it need not wait 20 s per device); for
 * tests only: staff have no control for it, and 20 s suits a queue watching.
 */
export const CYCLE_SECONDS_TEST_KEY = 'xr-showcase:spectate:cycle-seconds'

/** The seconds per device: CYCLE_SECONDS, or a shorter whole number (at least 1) a test stored. */
export function cycleSeconds(stored: string | null): number {
  const n = Number(stored)
  return stored !== null && Number.isInteger(n) && n >= 1 && n < CYCLE_SECONDS ? n : CYCLE_SECONDS
}
/** A device whose visitor has not touched it for this long is not worth a booth's screen. */
export const ACTIVE_IDLE_SECONDS = 60

export function isActiveDevice(device: DeviceView): boolean {
  return device.online && device.scene !== null && device.idleSeconds < ACTIVE_IDLE_SECONDS
}

/**
 * The device to show next after `current` (by the list's order, wrapping round), or null when no device
 * is active. With `keep` the current one stays while it is still active (its time is not up).
 */
export function nextDevice(
  devices: readonly DeviceView[],
  current: string | null,
  keep: boolean,
): string | null {
  const active = devices.filter(isActiveDevice)
  if (active.length === 0) return null
  const index = active.findIndex((d) => d.id === current)
  if (index !== -1 && keep) return current
  return active[(index + 1) % active.length].id
}
