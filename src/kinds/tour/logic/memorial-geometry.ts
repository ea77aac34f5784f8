// Builds the memorial's static architecture from scene data as a few merged, vertex-coloured geometries:
// the hall (walls, dado, cornice, colonnade, roof), the plaza paving and every exhibit's furniture.
// One draw call for all of it (plus one for the light cones) keeps the scene far inside the XR budget.
// Its floors, paving and steps tile the terrazzo texture; the rest samples its flat texel (same colours).
// Just over 300 lines on purpose: one builder per part of the site, all adding to the same few merged geometries.
import {
  BoxGeometry,
  type BufferGeometry,
  Color,
  type ColorRepresentation,
  CylinderGeometry,
  Euler,
  Matrix4,
  PlaneGeometry,
  Quaternion,
  Vector3,
} from 'three'
import { ColoredGeometryBatch, type PieceOptions } from '../../../platform/geometry'
import type { SurfaceTexture } from '../../../platform/render'
import type { Exhibit, MemorialHall, TourTheme } from '../../../schema/kinds/tour'
import type { Sphere } from './room-visibility'

type V3 = [number, number, number]

const DEG = Math.PI / 180

/** The platform batcher with the memorial's shorthands: pieces placed in an exhibit's frame. */
class PieceSet extends ColoredGeometryBatch {
  box(
    size: V3,
    at: V3,
    color: ColorRepresentation,
    frame = new Matrix4(),
    rotationY = 0,
    options?: PieceOptions,
  ): void {
    this.add(new BoxGeometry(...size), color, frame.clone().multiply(compose(at, rotationY)), options)
  }

  cylinder(
    rTop: number,
    rBottom: number,
    height: number,
    at: V3,
    color: ColorRepresentation,
    segments = 12,
    frame = new Matrix4(),
  ): void {
    this.add(
      new CylinderGeometry(rTop, rBottom, height, segments, 1),
      color,
      frame.clone().multiply(compose(at, 0)),
    )
  }
}

function compose(at: V3, rotationYRad: number): Matrix4 {
  return new Matrix4().compose(
    new Vector3(...at),
    new Quaternion().setFromEuler(new Euler(0, rotationYRad, 0)),
    new Vector3(1, 1, 1),
  )
}

/** The exhibit's own frame: origin at its position, +Z pointing out of its front. */
export function exhibitFrame(exhibit: Pick<Exhibit, 'position' | 'rotationY'>): Matrix4 {
  return compose(exhibit.position, exhibit.rotationY * DEG)
}

/** Where an exhibit's printed caption goes (world position, yaw in degrees, width in metres). */
export function captionPlacement(exhibit: Exhibit): {
  position: V3
  rotationY: number
  width: number
  tilt: number
} {
  const local: Record<Exhibit['type'], { at: V3; width: number; tilt: number }> = {
    plaque: { at: [0, -0.05, 0.06], width: 1.9, tilt: 0 },
    'wall-map': { at: [0, -1.62, 0.06], width: 4, tilt: 0 },
    diorama: { at: [0, 1.03, 1.15], width: 0.9, tilt: -35 },
    'display-case': { at: [0, 1.03, 1.01], width: 0.9, tilt: -35 },
    monument: { at: [0, 0.78, 4.6], width: 2.2, tilt: -90 },
  }
  const { at, width, tilt } = local[exhibit.type]
  const p = new Vector3(...at).applyMatrix4(exhibitFrame(exhibit))
  return { position: [p.x, p.y, p.z], rotationY: exhibit.rotationY, width, tilt }
}

/** The space an exhibit and everything it shows (model, picture, caption, lectern) fills. */
export function exhibitBounds(exhibit: Exhibit): Sphere {
  const local: Record<Exhibit['type'], { at: V3; radius: number }> = {
    plaque: { at: [0, 0, 0.05], radius: 1.5 },
    'wall-map': { at: [0, -0.2, 0.05], radius: 2.9 },
    diorama: { at: [0, 0.7, 0.2], radius: 2.1 },
    'display-case': { at: [0, 0.8, 0.3], radius: 1.5 },
    monument: { at: [0, 1, 0], radius: 8.5 },
  }
  const { at, radius } = local[exhibit.type]
  const p = new Vector3(...at).applyMatrix4(exhibitFrame(exhibit))
  return { center: [p.x, p.y, p.z], radius }
}

/** The texture of the memorial's floors and paving, in metres per tile (the solid geometry's material shows it). */
export const MEMORIAL_SURFACE: SurfaceTexture = { name: 'terrazzo', tile: 2 }
const floor: PieceOptions = { textured: true }

export interface MemorialGeometry {
  /** Opaque, vertex-coloured architecture and furniture, with UVs for MEMORIAL_SURFACE. */
  solid: BufferGeometry | null
  /** Additive light cones under the exhibit lamps. */
  glow: BufferGeometry | null
  /** One sphere around each light cone, for hiding the cones where walls hide them. */
  glowBounds: Sphere[]
}

export function buildMemorialGeometry(
  hall: MemorialHall | undefined,
  exhibits: readonly Exhibit[],
  theme: TourTheme,
  /** Without ceiling and roof: the AR tabletop map looks into the hall from above. */
  { roof = true }: { roof?: boolean } = {},
): MemorialGeometry {
  const solid = new PieceSet(MEMORIAL_SURFACE)
  const glow = new PieceSet()
  const glowBounds: Sphere[] = []
  const red = new Color(theme.primary)
  const darkRed = red.clone().multiplyScalar(0.62)
  const gold = theme.accent
  if (hall) addHall(solid, hall, theme, darkRed, roof)
  for (const e of exhibits) addExhibit(solid, e, theme, darkRed)
  if (hall) {
    for (const e of exhibits) {
      if (e.type === 'monument') continue
      // A warm lamp on the ceiling and a faint cone of light onto the exhibit.
      const [x, , z] = forwardOf(e, e.type === 'plaque' || e.type === 'wall-map' ? 1.2 : 0)
      solid.cylinder(0.22, 0.22, 0.06, [x, hall.height - 0.05, z], gold, 10)
      const coneHeight = hall.height - 0.1
      glow.cylinder(0.16, 1.1, coneHeight, [x, coneHeight / 2, z], '#ffd9a0', 16)
      glowBounds.push({ center: [x, coneHeight / 2, z], radius: Math.hypot(1.1, coneHeight / 2) })
    }
  }
  return { solid: solid.merge(), glow: glow.merge(), glowBounds }
}

function forwardOf(e: Exhibit, distance: number): V3 {
  const r = e.rotationY * DEG
  return [e.position[0] + Math.sin(r) * distance, e.position[1], e.position[2] + Math.cos(r) * distance]
}

function addHall(s: PieceSet, hall: MemorialHall, theme: TourTheme, darkRed: Color, roof: boolean): void {
  const [x0, z0] = hall.min
  const [x1, z1] = hall.max
  const w = x1 - x0
  const d = z1 - z0
  const cx = (x0 + x1) / 2
  const cz = (z0 + z1) / 2
  const H = hall.height
  const t = 0.3
  const doorH = Math.min(3.4, H - 1)
  const D = hall.doorWidth
  const red = theme.primary
  const gold = theme.accent
  const wall = theme.wall

  // Floor, with a red carpet from the door to the back wall.
  s.box([w, 0.04, d], [cx, 0.01, cz], theme.floor, undefined, 0, floor)
  s.box([Math.min(2.2, D), 0.012, d - 1], [cx, 0.036, cz + 0.5], darkRed)

  // Walls: back, sides, and the front split around the door.
  s.box([w + 2 * t, H, t], [cx, H / 2, z0 - t / 2], wall)
  s.box([t, H, d], [x0 - t / 2, H / 2, cz], wall)
  s.box([t, H, d], [x1 + t / 2, H / 2, cz], wall)
  const side = (w - D) / 2
  s.box([side + t, H, t], [x0 - t + (side + t) / 2, H / 2, z1 + t / 2], wall)
  s.box([side + t, H, t], [x1 + t - (side + t) / 2, H / 2, z1 + t / 2], wall)
  s.box([D, H - doorH, t], [cx, doorH + (H - doorH) / 2, z1 + t / 2], wall)

  // Inside: red dado, a gold rail and a gold cornice on every wall (front wall around the door).
  const inner: Array<{ len: number; at: (y: number) => V3; ry: number }> = [
    { len: w, at: (y) => [cx, y, z0 + 0.02], ry: 0 },
    { len: d, at: (y) => [x0 + 0.02, y, cz], ry: 90 },
    { len: d, at: (y) => [x1 - 0.02, y, cz], ry: 90 },
    { len: side, at: (y) => [x0 + side / 2, y, z1 - 0.02], ry: 0 },
    { len: side, at: (y) => [x1 - side / 2, y, z1 - 0.02], ry: 0 },
  ]
  for (const band of inner) {
    s.box([band.len, 1.1, 0.03], band.at(0.55), red, undefined, band.ry * DEG)
    s.box([band.len, 0.07, 0.05], band.at(1.12), gold, undefined, band.ry * DEG)
    s.box([band.len, 0.22, 0.06], band.at(H - 0.14), gold, undefined, band.ry * DEG)
  }
  // Red pilasters along the inner side walls every 4 m.
  for (let z = z0 + 2; z < z1 - 1; z += 4) {
    s.box([0.18, H, 0.4], [x0 + 0.09, H / 2, z], red)
    s.box([0.18, H, 0.4], [x1 - 0.09, H / 2, z], red)
  }

  // Ceiling and roof: a pale ceiling inside, a dark red roof slab with a gold edge outside.
  if (roof) {
    s.box([w, 0.1, d], [cx, H + 0.05, cz], '#f6efe2')
    s.box([w + 1.4, 0.5, d + 3.4], [cx, H + 0.35, cz + 1.0], darkRed)
    s.box([w + 1.5, 0.12, d + 3.5], [cx, H + 0.62, cz + 1.0], gold)
  }

  // Front colonnade: red columns with gold capitals under a red entablature; steps up to the door.
  const porchZ = z1 + 2.2
  const columns = Math.max(4, Math.round(w / 4))
  for (let i = 0; i < columns; i++) {
    const x = x0 + 1 + (i * (w - 2)) / (columns - 1)
    if (Math.abs(x - cx) < D / 2 + 0.3) continue
    s.cylinder(0.32, 0.36, H - 0.4, [x, (H - 0.4) / 2, porchZ], red, 12)
    s.box([0.9, 0.2, 0.9], [x, H - 0.3, porchZ], gold)
    s.box([0.9, 0.16, 0.9], [x, 0.08, porchZ], '#cfc6b4')
  }
  s.box([w + 1.4, 0.9, 0.5], [cx, H - 0.2 + 0.45, porchZ], red)
  s.box([w + 1.4, 0.1, 0.52], [cx, H + 0.22, porchZ], gold)
  s.box([w + 1.4, 0.06, 0.52], [cx, H - 0.18, porchZ], gold)
  for (let i = 0; i < 3; i++)
    s.box(
      [D + 3 - i, 0.05 + i * 0.05, 1.2 - i * 0.3],
      [cx, 0.025 + i * 0.025, z1 + 0.9 - i * 0.15],
      '#d9d2c4',
      undefined,
      0,
      floor,
    )
  // Exterior pilasters on the side walls.
  for (let z = z0 + 2; z < z1; z += 4) {
    s.box([0.25, H, 0.5], [x0 - t - 0.12, H / 2, z], red)
    s.box([0.25, H, 0.5], [x1 + t + 0.12, H / 2, z], red)
  }
}

function addExhibit(s: PieceSet, e: Exhibit, theme: TourTheme, darkRed: Color): void {
  const frame = exhibitFrame(e)
  const gold = theme.accent
  const red = theme.primary
  switch (e.type) {
    case 'plaque':
      s.box([2.3, 1.5, 0.05], [0, 0, 0.025], darkRed, frame)
      s.box([2.4, 0.06, 0.07], [0, 0.75, 0.04], gold, frame)
      s.box([2.4, 0.06, 0.07], [0, -0.75, 0.04], gold, frame)
      s.box([2.1, 1.3, 0.02], [0, 0, 0.055], '#f4ead2', frame)
      s.box([2.1, 0.2, 0.022], [0, 0.55, 0.058], red, frame)
      break
    case 'wall-map':
      s.box([4.7, 3.0, 0.05], [0, -0.2, 0.025], darkRed, frame)
      s.box([4.5, 2.6, 0.06], [0, 0, 0.03], gold, frame)
      s.box([4.3, 0.5, 0.02], [0, -1.62, 0.055], '#f4ead2', frame)
      break
    case 'diorama': {
      s.box([2.6, 0.85, 1.8], [0, 0.425, 0], '#4a3526', frame)
      s.box([2.7, 0.06, 1.9], [0, 0.88, 0], gold, frame)
      s.box([2.5, 0.04, 1.7], [0, 0.93, 0], '#a89e86', frame)
      // Streets of miniature houses around the central five-storey hotel.
      for (let i = 0; i < 14; i++) {
        const gx = -1.05 + (i % 7) * 0.35
        const gz = i < 7 ? -0.62 : 0.62
        const h = 0.08 + ((i * 37) % 5) * 0.03
        s.box([0.26, h, 0.3], [gx, 0.95 + h / 2, gz], i % 3 === 0 ? '#8d8272' : '#c9bfae', frame)
        s.box([0.28, 0.02, 0.32], [gx, 0.96 + h, gz], '#5e554a', frame)
      }
      s.box([0.9, 0.42, 0.5], [0, 1.16, 0], '#d6cbb6', frame)
      s.box([0.94, 0.04, 0.54], [0, 1.38, 0], darkRed, frame)
      s.box([2.5, 0.012, 0.3], [0, 0.956, 0.22], '#6d6558', frame)
      addLectern(s, frame, [0, 0, 1.12], theme)
      break
    }
    case 'display-case':
      // Artefacts inside the case: a folded red flag, a book and a lamp; the case itself is a glTF model.
      s.box([0.36, 0.06, 0.26], [-0.22, 1.04, 0], red, frame)
      s.box([0.26, 0.05, 0.34], [0.2, 1.03, 0.02], '#6b5b43', frame)
      s.cylinder(0.05, 0.07, 0.2, [0.02, 1.1, -0.12], '#7a6a58', 8, frame)
      addLectern(s, frame, [0, 0, 0.98], theme)
      break
    case 'monument':
      // The inscribed tablet in front of the monument and two red flower beds.
      s.box([2.6, 0.7, 0.5], [0, 0.35, 4.6], '#b9b0a0', frame)
      s.box([2.4, 0.05, 0.9], [0, 0.74, 4.6], '#f4ead2', frame, 0)
      s.box([2.2, 0.4, 1.2], [-3.4, 0.2, 4.4], darkRed, frame)
      s.box([2.2, 0.4, 1.2], [3.4, 0.2, 4.4], darkRed, frame)
      // The paving: a flat top, its edges clear of where the plaza's stops stand the visitor. Its front
      // edge once lay on z = 18, the first stop's eye plane: vertices in the eye's own plane made
      // SwiftShader draw the paving over the lower half of the view, console and subtitle included.
      s.add(
        new PlaneGeometry(17, 17).rotateX(-Math.PI / 2),
        '#cfc6b4',
        frame.clone().multiply(compose([0, 0.014, 0], 0)),
        floor,
      )
      break
  }
}

function addLectern(s: PieceSet, frame: Matrix4, at: V3, theme: TourTheme): void {
  s.box([0.08, 0.95, 0.08], [at[0], 0.47, at[2] - 0.05], '#3a2a20', frame)
  const tilt = new Matrix4().compose(
    new Vector3(at[0], 1.0, at[2]),
    new Quaternion().setFromEuler(new Euler(-35 * DEG, 0, 0)),
    new Vector3(1, 1, 1),
  )
  s.add(new BoxGeometry(1.0, 0.5, 0.03), theme.accent, frame.clone().multiply(tilt))
  const face = new Matrix4().compose(
    new Vector3(at[0], 1.0 + Math.sin(35 * DEG) * 0.02, at[2] + Math.cos(35 * DEG) * 0.02),
    new Quaternion().setFromEuler(new Euler(-35 * DEG, 0, 0)),
    new Vector3(1, 1, 1),
  )
  s.add(new BoxGeometry(0.94, 0.44, 0.012), '#f4ead2', frame.clone().multiply(face))
}
