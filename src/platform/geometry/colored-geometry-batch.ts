// Static architecture (walls, desks, plinths, paving) as ONE vertex-coloured geometry: every piece is
// painted its colour per vertex, moved into place and merged, so a whole room costs one draw call and
// one material. Kinds add their own shape shorthands on top. A batch made with a surface texture gives
// that material a map without another draw call: the pieces added as textured (floors, paving) tile it
// in metres, every other piece samples only its flat texel, and colours are compensated so each piece
// still shows its own colour (src/platform/render/surface-textures.ts).
import {
  type BufferGeometry,
  Color,
  type ColorRepresentation,
  Euler,
  Float32BufferAttribute,
  Matrix4,
  Quaternion,
  Vector3,
} from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'
import { compensateColor, type SurfaceTexture, setFlatUVs, setTiledUVs } from '../render/surface-textures'

export type Vec3Tuple = [number, number, number]

const unitScale = new Vector3(1, 1, 1)

export interface PieceOptions {
  /** Tiles the batch's surface texture (a batch made without one ignores it); default: flat texel only. */
  textured?: boolean
}

export class ColoredGeometryBatch {
  private readonly pieces: BufferGeometry[] = []

  /** `surface`: the texture the merged geometry's material will show, and its metres per tile. */
  constructor(private readonly surface?: SurfaceTexture) {}

  /** Adds a piece moved by `matrix` and painted `color`. The batch takes ownership of the geometry. */
  add(
    geometry: BufferGeometry,
    color: ColorRepresentation,
    matrix?: Matrix4,
    { textured = false }: PieceOptions = {},
  ): this {
    // Merging needs identical attributes: UVs only from the surface (below) and no index.
    geometry.deleteAttribute('uv')
    const piece = geometry.index ? geometry.toNonIndexed() : geometry
    if (piece !== geometry) geometry.dispose()
    if (matrix) piece.applyMatrix4(matrix)
    const c = new Color(color)
    if (this.surface) {
      // UVs from the placed piece, so the tile is in world metres whatever the piece's turn.
      if (textured) setTiledUVs(piece, this.surface.tile)
      else setFlatUVs(piece, this.surface.name)
      compensateColor(c, this.surface.name, textured)
    }
    const count = piece.getAttribute('position').count
    const colors = new Float32Array(count * 3)
    for (let i = 0; i < count; i++) colors.set([c.r, c.g, c.b], i * 3)
    piece.setAttribute('color', new Float32BufferAttribute(colors, 3))
    this.pieces.push(piece)
    return this
  }

  /** Adds a piece at `position`, turned by the Euler angles `rotation` (radians). */
  place(
    geometry: BufferGeometry,
    color: ColorRepresentation,
    position: Vec3Tuple,
    rotation: Vec3Tuple = [0, 0, 0],
    options?: PieceOptions,
  ): this {
    const quaternion = new Quaternion().setFromEuler(new Euler(...rotation))
    const matrix = new Matrix4().compose(new Vector3(...position), quaternion, unitScale)
    return this.add(geometry, color, matrix, options)
  }

  get size(): number {
    return this.pieces.length
  }

  /** One geometry holding every piece (null when empty); the pieces are freed. */
  merge(): BufferGeometry | null {
    if (this.pieces.length === 0) return null
    const merged = mergeGeometries(this.pieces, false)
    for (const piece of this.pieces) piece.dispose()
    this.pieces.length = 0
    if (!merged) throw new Error('geometry pieces could not be merged (mismatched attributes)')
    merged.computeBoundingSphere()
    return merged
  }
}
