// Texture coordinates and colour compensation for textured materials (MaterialSpec.texture).
// A textured surface gets UVs by box projection: each triangle takes the plane its face normal points
// along most, in metres over the tile size, so stone or wood keeps its scale on every face without an
// unwrap. Untextured geometry merged into a textured primitive (a part's one vertex-colour draw call)
// samples only the texture's brightest texel, and its vertex colour is divided by that texel, so it
// looks as before and the draw call count does not grow.
import { BufferAttribute, type BufferGeometry, Triangle, Vector3 } from 'three'
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
  const position = flat.getAttribute('position')
  const uv = new Float32Array(position.count * 2)
  const triangle = new Triangle()
  const normal = new Vector3()
  for (let i = 0; i < position.count; i += 3) {
    triangle.setFromAttributeAndIndices(position, i, i + 1, i + 2).getNormal(normal)
    const ax = Math.abs(normal.x)
    const ay = Math.abs(normal.y)
    const az = Math.abs(normal.z)
    for (let k = i; k < i + 3; k++) {
      const x = position.getX(k)
      const y = position.getY(k)
      const z = position.getZ(k)
      // Floors read x/z, walls facing x read z/y, walls facing z read x/y.
      const [u, v] = ay >= ax && ay >= az ? [x, z] : ax >= az ? [z, y] : [x, y]
      uv[k * 2] = u / tile
      uv[k * 2 + 1] = v / tile
    }
  }
  flat.setAttribute('uv', new BufferAttribute(uv, 2))
  return flat
}

/** Returns a non-indexed copy of the geometry whose every vertex samples the texture's flat texel. */
export function flatUVs(geometry: BufferGeometry, name: TextureName): BufferGeometry {
  const flat = geometry.index ? geometry.toNonIndexed() : geometry
  const [u, v] = surfaceTexture(name).flat.uv
  const count = flat.getAttribute('position').count
  const uv = new Float32Array(count * 2)
  for (let i = 0; i < count; i++) uv.set([u, v], i * 2)
  flat.setAttribute('uv', new BufferAttribute(uv, 2))
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
