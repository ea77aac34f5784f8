// Tileable surface textures drawn from code at asset-build time (our own code, no third-party images):
// greyscale-ish multipliers around 0.9 that vary the material's colour by about ±10–15 %, with no strong
// high-contrast pattern that would shimmer at distance. The model builder embeds them in the .glb files
// (model-builder.ts); `npm run assets` also writes them to public/textures/, where the floors and roads the
// kinds draw load them from (src/platform/render/surface-textures.ts).
import { PNG } from 'pngjs'
import { SurfaceTextureName } from '../../src/schema/common'
import { srgbByteToLinear } from './srgb'
import { bond, cells, fbm, hash, valueNoise } from './texture-noise'

/** The names scene data may give (the schema's one list), each drawn by a pattern below. */
export const TEXTURE_NAMES = SurfaceTextureName.options
export type TextureName = SurfaceTextureName

/** sRGB 0..1 colour of the texture at (u, v) in its unit tile. */
type Pattern = (u: number, v: number) => [number, number, number]

const grey = (b: number): [number, number, number] => [b, b, b]

const PATTERNS: Record<TextureName, () => Pattern> = {
  stone: () => {
    // Granite paving: soft mottling, fine mineral speckle, large slabs with faint joints.
    const mottle = fbm(11, 4, 4)
    const speckle = valueNoise(12, 128)
    return (u, v) => {
      const { joint } = bond(u, v, 2, 2)
      const s = speckle(u, v)
      const b = 0.88 + 0.12 * (mottle(u, v) - 0.5) + (s > 0.8 ? -0.07 : s < 0.12 ? 0.04 : 0)
      return grey(joint < 0.004 ? b - 0.1 : b)
    }
  },
  marble: () => {
    // Veins bent by noise across a pale ground.
    const warp = fbm(21, 3, 4)
    const cloud = fbm(22, 4, 3)
    return (u, v) => {
      const vein = Math.abs(Math.sin(Math.PI * 2 * (u + v + 1.6 * warp(u, v))))
      const b = 0.92 + 0.06 * (cloud(u, v) - 0.5) - 0.12 * (1 - vein) ** 8
      return [b, b, b * 0.99]
    }
  },
  brick: () => {
    // 16 courses × 4 bricks per tile (about 27 × 6.5 cm bricks on a 1.1 m tile); mortar lighter, each brick its own shade.
    const grain = fbm(31, 16, 3)
    return (u, v) => {
      const { row, column, joint } = bond(u, v, 16, 4)
      if (joint < 0.008) return [0.98, 0.97, 0.95]
      const b = 0.8 + 0.1 * hash(31, row, column) + 0.08 * (grain(u, v) - 0.5)
      return [b, b * 0.97, b * 0.95]
    }
  },
  wood: () => {
    // Planks along v (6 per tile), joints staggered; grain is long noise stretched along the plank.
    const grain = valueNoise(41, 96, 2)
    const figure = fbm(42, 4, 3)
    return (u, v) => {
      const { row, column, joint } = bond(v, u, 6, 1, 0.37)
      const shade = 0.84 + 0.1 * hash(41, row, column)
      const rings = Math.sin(Math.PI * 2 * (u * 6 * 5 + 3 * figure(u, v)))
      const b = shade + 0.05 * rings + 0.06 * (grain(u, v) - 0.5)
      return joint < 0.004 ? grey(b - 0.15) : [b, b * 0.96, b * 0.92]
    }
  },
  terrazzo: () => {
    // Chips of three tones set in a pale cement ground.
    const chips = cells(51, 420)
    const ground = fbm(52, 8, 3)
    return (u, v) => {
      const { distance, id } = chips(u, v)
      const b = 0.92 + 0.05 * (ground(u, v) - 0.5)
      if (distance > 0.32 + 0.1 * hash(51, id)) return grey(b)
      const tone = hash(52, id)
      if (tone < 0.4) return grey(b - 0.16)
      if (tone < 0.7) return [b - 0.02, b - 0.06, b - 0.1]
      return [b - 0.08, b - 0.06, b - 0.04]
    }
  },
  asphalt: () => {
    const patches = fbm(61, 4, 4)
    const aggregate = valueNoise(62, 128)
    return (u, v) => {
      const a = aggregate(u, v)
      return grey(0.86 + 0.1 * (patches(u, v) - 0.5) + (a > 0.78 ? 0.07 : a < 0.2 ? -0.05 : 0))
    }
  },
  grass: () => {
    // Clumps of yellower and deeper green, with fine blade streaks.
    const clumps = fbm(71, 4, 4)
    const blades = valueNoise(72, 128, 32)
    return (u, v) => {
      const c = clumps(u, v) - 0.5
      const b = 0.86 + 0.12 * (blades(u, v) - 0.5) + 0.06 * c
      return [b + 0.08 * c, b, b - 0.06 * c]
    }
  },
  fabric: () => {
    // A plain weave: threads alternate over and under, 64 per tile, with a faint slub.
    const slub = valueNoise(81, 4, 64)
    return (u, v) => {
      const x = Math.floor(u * 64)
      const y = Math.floor(v * 64)
      const over = (x + y) % 2 === 0
      const across = over ? Math.sin(Math.PI * ((u * 64) % 1)) : Math.sin(Math.PI * ((v * 64) % 1))
      return grey(0.84 + 0.08 * across + 0.05 * (slub(u, v) - 0.5))
    }
  },
}

/** A drawn texture: its PNG, and facts the model builder needs to keep colours true. */
export interface SurfaceTexture {
  name: TextureName
  size: number
  /** The pixels, RGBA, rows from the top (what the KTX2 encoder takes). */
  rgba: Uint8Array
  png: Uint8Array
  /** Average linear RGB: what the texture multiplies a material's colour by, seen from afar. */
  mean: [number, number, number]
  /** Centre of the brightest texel, in UV, and its linear RGB: untextured geometry sharing the material samples only it. */
  flat: { uv: [number, number]; rgb: [number, number, number] }
}

const drawn = new Map<TextureName, SurfaceTexture>()

/** Draws (once per process) one texture, `size` pixels square. Same code, same pixels. */
export function surfaceTexture(name: TextureName, size = 256): SurfaceTexture {
  const known = drawn.get(name)
  if (known) return known
  const pattern = PATTERNS[name]()
  const data = new Uint8Array(size * size * 4)
  const mean: [number, number, number] = [0, 0, 0]
  let flat = { index: 0, value: -1 }
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = y * size + x
      const rgb = pattern((x + 0.5) / size, (y + 0.5) / size).map((c) =>
        Math.max(0, Math.min(255, Math.round(c * 255))),
      )
      data.set([...rgb, 255], i * 4)
      rgb.forEach((c, k) => {
        mean[k] += srgbByteToLinear(c) / (size * size)
      })
      if (Math.min(...rgb) > flat.value) flat = { index: i, value: Math.min(...rgb) }
    }
  }
  const fx = flat.index % size
  const fy = Math.floor(flat.index / size)
  const texture: SurfaceTexture = {
    name,
    size,
    rgba: data,
    png: PNG.sync.write({ width: size, height: size, data }, { colorType: 2 }),
    mean,
    flat: {
      uv: [(fx + 0.5) / size, (fy + 0.5) / size],
      rgb: [0, 1, 2].map((k) => srgbByteToLinear(data[flat.index * 4 + k])) as [number, number, number],
    },
  }
  drawn.set(name, texture)
  return texture
}
