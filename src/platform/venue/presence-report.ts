// What a device tells the venue about itself, built from what the page knows: pure, so the report's
// rules (mode names, bounds) are tested without a browser.
import type { DeviceMode, DeviceReport } from '../../shared/venue/venue-messages'

export interface PresenceInputs {
  name: string
  scene: string | undefined
  xrMode: XRSessionMode | null
  /** The primary pointer is coarse (a finger). */
  coarsePointer: boolean
  lang: 'zh' | 'en'
  idleSeconds: number
  fps: number
  version: string
}

export function deviceMode(xrMode: XRSessionMode | null, coarsePointer: boolean): DeviceMode {
  if (xrMode === 'immersive-vr') return 'vr'
  if (xrMode === 'immersive-ar') return 'ar'
  return coarsePointer ? 'touch' : 'desktop'
}

export function presenceReport(inputs: PresenceInputs): DeviceReport {
  return {
    name: inputs.name,
    // A malformed scene in the address is not a scene the device shows: it reports the lobby.
    scene: inputs.scene && /^[a-z0-9][a-z0-9-]{0,63}$/.test(inputs.scene) ? inputs.scene : null,
    mode: deviceMode(inputs.xrMode, inputs.coarsePointer),
    lang: inputs.lang,
    idleSeconds: Math.min(10_000_000, Math.max(0, Math.floor(inputs.idleSeconds))),
    fps: Math.min(1000, Math.max(0, Math.round(inputs.fps * 10) / 10)),
    version: inputs.version.slice(0, 40) || 'unknown',
  }
}

/** Whether a report says something the last one sent did not (only changes are sent). */
export function reportChanged(last: DeviceReport | undefined, next: DeviceReport): boolean {
  if (!last) return true
  return (Object.keys(next) as (keyof DeviceReport)[]).some((k) => last[k] !== next[k])
}
