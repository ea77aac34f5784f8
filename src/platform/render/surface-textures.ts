// The generated surface textures (scripts/textures/, served from /textures/) on the floors, roads, lawns
// and walls kinds draw themselves, the way the model builder puts them on models: UVs in metres over the
// tile, so a texture keeps its scale on every mesh and one shared Texture needs no per-mesh repeat; the
// texture multiplies the vertex colour, so the colour is divided by the texture's mean where it tiles
// (seen from afar it averages to its mean) and by its brightest texel where a surface sharing the
// material samples only that texel. Either way the scene shows the colour the art direction gave it.
import { BufferAttribute, type BufferGeometry, type Color, Triangle, Vector3 } from 'three'
import type { SurfaceTexture, SurfaceTextureName } from '../../schema/common'

export type { SurfaceTexture, SurfaceTextureName }

export interface SurfaceTextureTone {
  /** Average linear RGB: what the tiled texture multiplies a colour by, seen from afar. */
  mean: [number, number, number]
  /** The brightest texel's centre in UV and its linear RGB. */
  flat: { uv: [number, number]; rgb: [number, number, number] }
}

/**
 * Each texture's tone, as `surfaceTexture(name)` in scripts/textures/ computes it from the pixels it
 * draws (test/unit/platform/surface-textures.test.ts fails when they drift apart): known before the
 * image arrives, so geometry can be painted while it loads.
 */
export const SURFACE_TEXTURE_TONES: Record<SurfaceTextureName, SurfaceTextureTone> = {
  stone: {
    mean: [0.7367505910871773, 0.7367505910871773, 0.7367505910871773],
    flat: {
      uv: [0.751953125, 0.494140625],
      rgb: [0.9215818562772946, 0.9215818562772946, 0.9215818562772946],
    },
  },
  marble: {
    mean: [0.8038688561987775, 0.8038688561987775, 0.7857803194054438],
    flat: { uv: [0.001953125, 0.033203125], rgb: [0.846873231509858, 0.846873231509858, 0.8307698767746546] },
  },
  brick: {
    mean: [0.7761591054764551, 0.7358257710920344, 0.7022623946217699],
    flat: {
      uv: [0.001953125, 0.001953125],
      rgb: [0.9559733532492861, 0.9301108583754237, 0.8879231178819663],
    },
  },
  wood: {
    mean: [0.7708734385516416, 0.7054111660453906, 0.6434724574624878],
    flat: { uv: [0.572265625, 0.025390625], rgb: [1, 0.9130986517934192, 0.8307698767746546] },
  },
  terrazzo: {
    mean: [0.7660755515002977, 0.7613563399283981, 0.7572631386007432],
    flat: {
      uv: [0.732421875, 0.623046875],
      rgb: [0.8713671191987973, 0.8713671191987973, 0.8713671191987973],
    },
  },
  asphalt: {
    mean: [0.7207414801045723, 0.7207414801045723, 0.7207414801045723],
    flat: {
      uv: [0.482421875, 0.880859375],
      rgb: [0.9130986517934192, 0.9130986517934192, 0.9130986517934192],
    },
  },
  grass: {
    mean: [0.718017873204203, 0.714044687482849, 0.7111984064041833],
    flat: {
      uv: [0.904296875, 0.056640625],
      rgb: [0.8307698767746546, 0.8307698767746546, 0.8227857543962835],
    },
  },
  fabric: {
    mean: [0.7726873846582334, 0.7726873846582334, 0.7726873846582334],
    flat: {
      uv: [0.505859375, 0.013671875],
      rgb: [0.8631572134541023, 0.8631572134541023, 0.8631572134541023],
    },
  },
}

/** The material's `userData` key naming the surface texture it shows (read by the look debug view). */
export const SURFACE_TEXTURE_KEY = 'surfaceTexture'

/** Where the page loads a texture from: this origin, the files `npm run assets` writes. */
export function surfaceTextureUrl(name: SurfaceTextureName): string {
  return `/textures/${name}.ktx2`
}

/**
 * Sets `color` (linear, changed in place) to what must be painted so that, multiplied by the texture,
 * it shows the colour it had: divided by the mean where the texture tiles, by the flat texel where the
 * surface samples only that. Capped at 1, so a near-white surface comes out slightly darker.
 */
export function compensateColor(color: Color, name: SurfaceTextureName, tiled: boolean): Color {
  const tone = SURFACE_TEXTURE_TONES[name]
  const [r, g, b] = tiled ? tone.mean : tone.flat.rgb
  return color.setRGB(Math.min(1, color.r / r), Math.min(1, color.g / g), Math.min(1, color.b / b))
}

/**
 * Gives `geometry` (non-indexed, in its final place) UVs in metres over `metresPerTile`, box-projected
 * per triangle: a floor reads x/z, a wall facing x reads z/y, a wall facing z reads x/y.
 */
export function setTiledUVs(geometry: BufferGeometry, metresPerTile: number): void {
  const position = geometry.getAttribute('position')
  const uv = new Float32Array(position.count * 2)
  const triangle = new Triangle()
  const normal = new Vector3()
  for (let i = 0; i + 2 < position.count; i += 3) {
    triangle.setFromAttributeAndIndices(position, i, i + 1, i + 2).getNormal(normal)
    const ax = Math.abs(normal.x)
    const ay = Math.abs(normal.y)
    const az = Math.abs(normal.z)
    for (let k = i; k < i + 3; k++) {
      const x = position.getX(k)
      const y = position.getY(k)
      const z = position.getZ(k)
      const [u, v] = ay >= ax && ay >= az ? [x, z] : ax >= az ? [z, y] : [x, y]
      uv[k * 2] = u / metresPerTile
      uv[k * 2 + 1] = v / metresPerTile
    }
  }
  geometry.setAttribute('uv', new BufferAttribute(uv, 2))
}

/** Gives every vertex of `geometry` the texture's flat texel: it then shows its vertex colour times that texel. */
export function setFlatUVs(geometry: BufferGeometry, name: SurfaceTextureName): void {
  const count = geometry.getAttribute('position').count
  const [u, v] = SURFACE_TEXTURE_TONES[name].flat.uv
  const uv = new Float32Array(count * 2)
  for (let i = 0; i < count; i++) uv.set([u, v], i * 2)
  geometry.setAttribute('uv', new BufferAttribute(uv, 2))
}
