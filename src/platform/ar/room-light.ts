// How a presentation is lit in the visitor's room. Where the browser estimates the room's light
// (WebXR light estimation: spherical harmonics and a primary light), the model takes that light, so a
// miniature on a desk by a window is lit from the window. Elsewhere it takes a neutral studio light,
// never the scene's own mood: a sunset-lit memorial on a desk under office lights looks pasted in.
import { DirectionalLight, HemisphereLight, LightProbe } from 'three'
import { sceneLight } from '../environment/scene-lights'

/** The neutral light: a white sky over a grey floor and a soft key from above the visitor's shoulder. */
export const NEUTRAL_ROOM_LIGHT = {
  skyColor: '#ffffff',
  groundColor: '#8c8884',
  fillIntensity: 1.1,
  keyColor: '#ffffff',
  keyIntensity: 1.4,
  /** From above, a little in front and to the right: the usual ceiling light over a desk. */
  keyDirection: [0.35, 1, 0.45] as const,
  exposure: 1,
} as const

/** What a frame's light estimate says, in the shape three's lights take. */
export interface EstimatedLight {
  /** 9 RGB spherical-harmonic coefficients (27 numbers), for a LightProbe. */
  sh: number[]
  /** The primary light's colour, each channel at most 1, and its intensity carrying the rest. */
  color: [number, number, number]
  intensity: number
  /** Towards the primary light, unit length; straight down when the estimate has none. */
  direction: [number, number, number]
}

/** The fields of `XRLightEstimate` that are read (a plain object in unit tests). */
export interface LightEstimateLike {
  sphericalHarmonicsCoefficients: ArrayLike<number>
  primaryLightDirection: { x: number; y: number; z: number }
  primaryLightIntensity: { x: number; y: number; z: number }
}

/**
 * Turns a WebXR light estimate into light: the SH coefficients go to a probe as they are; the primary
 * light's intensity may exceed 1 per channel (it is in linear units), so the colour is normalised and
 * the scale becomes the intensity, as three's XREstimatedLight does. A malformed estimate gives null.
 */
export function lightFromEstimate(estimate: LightEstimateLike): EstimatedLight | null {
  const sh = Array.from(estimate.sphericalHarmonicsCoefficients)
  if (sh.length !== 27 || !sh.every(Number.isFinite)) return null
  const { x: r, y: g, z: b } = estimate.primaryLightIntensity
  if (![r, g, b].every((c) => Number.isFinite(c) && c >= 0)) return null
  const scale = Math.max(1, r, g, b)
  const d = estimate.primaryLightDirection
  const length = Math.hypot(d.x, d.y, d.z)
  const direction: [number, number, number] =
    Number.isFinite(length) && length > 1e-6 ? [d.x / length, d.y / length, d.z / length] : [0, 1, 0]
  return { sh, color: [r / scale, g / scale, b / scale], intensity: scale, direction }
}

/** The room's three lights: the sky's fill, the estimate's probe and the key light. */
export interface RoomLights {
  fill: HemisphereLight
  probe: LightProbe
  key: DirectionalLight
}

/**
 * The page's one set of room lights (scene-lights.ts says why one: three's renderer caches each light's
 * uniforms by its id and never lets go, so new lights per AR session grew the heap), set back to the neutral
 * light: the previous session's estimate may have left them lit by another room.
 */
export function neutralRoomLights(): RoomLights {
  const N = NEUTRAL_ROOM_LIGHT
  const fill = sceneLight('ar-room-fill', HemisphereLight)
  fill.color.set(N.skyColor)
  fill.groundColor.set(N.groundColor)
  fill.intensity = N.fillIntensity
  const probe = sceneLight('ar-room-probe', LightProbe)
  probe.sh.zero()
  probe.intensity = 0
  const key = sceneLight('ar-room-key', DirectionalLight)
  key.color.set(N.keyColor)
  key.intensity = N.keyIntensity
  key.position.set(...N.keyDirection)
  return { fill, probe, key }
}
