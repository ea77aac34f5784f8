// Texture coordinates and colour compensation for textured materials (MaterialSpec.texture).
// A textured surface gets UVs by box projection: each triangle takes the plane its face normal points
// along most, in metres over the tile size, so stone or wood keeps its scale on every face without an
// unwrap. Untextured geometry merged into a textured primitive (a part's one vertex-colour draw call)
// samples only the texture's brightest texel, and its vertex colour is divided by that texel, so it
// looks as before and the draw call count does not grow.
import type { BufferGeometry } from 'three'
import { setFlatUVs, setTiledUVs } from '../../src/platform/render/surface-textures'
import { surfaceTexture, type TextureName } from '../textures/surface-textures'

/** Which generated texture a material shows and how many metres one repeat of it covers. */
export interface TextureSpec {
  name: TextureName
  /** Metres per tile (the texture repeats every this many metres). */
  tile: number
}

/** Returns a non-indexed copy of the geometry with box-projected UVs (attributes kept). */
export function boxProjectUVs(geometry: BufferGeometry, tile: number): BufferGeometry {
  const flat = geometry.index ? geometry.toNonIndexed() : geometry
  // The same projection the platform gives the floors kinds draw, so a model's stone and the plaza's
  // stone tile at one scale.
  setTiledUVs(flat, tile)
  return flat
}

/** Returns a non-indexed copy of the geometry whose every vertex samples the texture's flat texel. */
export function flatUVs(geometry: BufferGeometry, name: TextureName): BufferGeometry {
  const flat = geometry.index ? geometry.toNonIndexed() : geometry
  setFlatUVs(flat, name)
  return flat
}

/**
 * The linear colour to paint or set so that, multiplied by the texture, it shows `color`:
 * divided by the texture's mean where the texture tiles, by the flat texel where it is only sampled
 * there. Capped at 1 (a near-white surface comes out slightly darker).
 */
export function compensate(
  color: [number, number, number],
  name: TextureName,
  tiled: boolean,
): [number, number, number] {
  const texture = surfaceTexture(name)
  const by = tiled ? texture.mean : texture.flat.rgb
  return color.map((c, i) => Math.min(1, c / by[i])) as [number, number, number]
}
