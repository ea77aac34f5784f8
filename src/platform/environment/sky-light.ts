// The light a scene's mood gives, worked out without a GPU: where the sun stands and what colour it
// is at a time of day, and the diffuse fill of the sky and ground as a hemisphere light whose two
// colours are the sky's irradiance straight up and straight down. A sky that changes only with height
// lights a face by little more than how far it tilts up, which is what a hemisphere light draws, for
// less per pixel than a LightProbe (the probe made the park's software-GL frame about 15% dearer). The
// prefiltered map on every lit pixel had tripled the frame, so that map is kept for glossy surfaces
// only (see reflections.ts).
import { Color, SRGBColorSpace, Vector3 } from 'three'

export interface SunLight {
  /** Unit vector from the scene toward the sun. */
  direction: Vector3
  /** Linear colour. */
  color: Color
  /** Degrees above the horizon. */
  elevation: number
}

/**
 * The sun at a local solar time (hours, 0–24) on a mid-latitude day: it rises in the east (+X) at 6,
 * peaks at 60° at noon in the south (+Z), and sets
 * in the west at 18. Low sun is warm (about 3000 K), high sun daylight white (about 6300 K, white against the D65 screen).
 * Night hours keep a low 5° sun so scenes stay lit.
 */
export function sunAt(hours: number): SunLight {
  const dayPhase = (hours - 6) / 12 // 0 at sunrise, 1 at sunset
  const elevation = Math.max(5, 60 * Math.sin(Math.PI * Math.min(1, Math.max(0, dayPhase))))
  const azimuth = Math.PI * Math.min(1, Math.max(0, dayPhase)) // 0 east → π west, via south
  const e = (elevation * Math.PI) / 180
  const direction = new Vector3(
    Math.cos(azimuth) * Math.cos(e),
    Math.sin(e),
    Math.sin(azimuth) * Math.cos(e),
  ).normalize()
  const kelvin = 3000 + (6300 - 3000) * Math.min(1, (elevation - 5) / 40)
  return { direction, color: colorOfTemperature(kelvin), elevation }
}

/**
 * Linear RGB of a black body at `kelvin`, normalised so the brightest channel is 1 (Tanner Helland's
 * fit of the CIE data, good to a few percent between 1000 K and 40000 K).
 */
export function colorOfTemperature(kelvin: number): Color {
  const t = kelvin / 100
  const r = t <= 66 ? 255 : 329.698727446 * (t - 60) ** -0.1332047592
  const g =
    t <= 66 ? 99.4708025861 * Math.log(t) - 161.1195681661 : 288.1221695283 * (t - 60) ** -0.0755148492
  const b = t >= 66 ? 255 : t <= 19 ? 0 : 138.5177312231 * Math.log(t - 10) - 305.0447927307
  const clamp = (v: number) => Math.min(255, Math.max(0, v)) / 255
  const color = new Color().setRGB(clamp(r), clamp(g), clamp(b), SRGBColorSpace) // stored linear
  const peak = Math.max(color.r, color.g, color.b)
  return color.multiplyScalar(1 / peak)
}

export interface SkyDescription {
  /** sRGB hex colours of the sky at the zenith and at the horizon. */
  top: string
  bottom: string
  /** sRGB hex colour of the ground. */
  ground: string
  /** Sun, for the sunlit ground's bounce; omitted for none. */
  sun?: { direction: Vector3; color: Color; intensity: number }
}

const skyTop = new Color()
const skyBottom = new Color()
const groundColour = new Color()

/**
 * Radiance arriving from `direction` (unit): the sky's gradient above the horizon (the same
 * smoothstep the backdrop draws), and below it the ground lit by sky and sun, as a grey-ish
 * Lambertian surface returns it.
 */
export function skyRadiance(sky: SkyDescription, direction: Vector3, target = new Color()): Color {
  skyTop.set(sky.top)
  skyBottom.set(sky.bottom)
  groundColour.set(sky.ground)
  if (direction.y >= 0) {
    const x = Math.min(1, Math.max(0, (direction.y + 0.05) / 0.65))
    const s = x * x * (3 - 2 * x)
    return target.copy(skyBottom).lerp(skyTop, s)
  }
  // Ground: albedo × (sky irradiance ≈ average of horizon and zenith + the sun's cosine share) / π·π.
  const skyLight = (skyTop.r + skyBottom.r + skyTop.g + skyBottom.g + skyTop.b + skyBottom.b) / 6
  const sunLight = sky.sun ? sky.sun.intensity * Math.max(0, sky.sun.direction.y) : 0
  target.copy(groundColour).multiplyScalar(skyLight + sunLight / Math.PI)
  if (sky.sun) target.multiply(sky.sun.color)
  return target
}

export interface SkyFill {
  /** Irradiance a face pointing straight up receives (linear, may exceed 1). */
  sky: Color
  /** Irradiance a face pointing straight down receives. */
  ground: Color
}

/**
 * The sky's diffuse fill as a hemisphere light's two colours: three lights a normal n with
 * mix(ground, sky, 0.5 + 0.5·n.y), so the colours are the irradiance straight up and straight down.
 */
export function skyFill(sky: SkyDescription): SkyFill {
  return { sky: irradiance(sky, 1), ground: irradiance(sky, -1) }
}

/**
 * Irradiance on a face whose normal points up (+1) or down (−1): the cosine-weighted integral of
 * skyRadiance over a Fibonacci sphere (deterministic; a uniform sky of radiance L gives πL).
 */
function irradiance(sky: SkyDescription, normalY: 1 | -1, samples = 2048): Color {
  const total = new Color(0, 0, 0)
  const direction = new Vector3()
  const radiance = new Color()
  const weight = (4 * Math.PI) / samples
  const golden = Math.PI * (3 - Math.sqrt(5))
  for (let i = 0; i < samples; i++) {
    const y = 1 - (2 * (i + 0.5)) / samples
    const cosine = y * normalY
    if (cosine <= 0) continue
    const r = Math.sqrt(1 - y * y)
    direction.set(Math.cos(golden * i) * r, y, Math.sin(golden * i) * r)
    total.add(skyRadiance(sky, direction, radiance).multiplyScalar(cosine * weight))
  }
  return total
}
