// The sRGB transfer function for the asset steps that average or compare colours in linear light (the
// generated textures' tones, the controller maps' downscale): 8-bit sRGB ↔ linear 0–1.

/** An 8-bit sRGB channel (0–255) as linear light (0–1). */
export function srgbByteToLinear(byte: number): number {
  const c = byte / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

/** Linear light (0–1) as an 8-bit sRGB channel, rounded and clamped. */
export function linearToSrgbByte(linear: number): number {
  const c = linear <= 0.0031308 ? linear * 12.92 : 1.055 * linear ** (1 / 2.4) - 0.055
  return Math.max(0, Math.min(255, Math.round(c * 255)))
}
