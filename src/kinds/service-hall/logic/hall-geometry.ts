// The hall's static shell as ONE vertex-coloured geometry (walls, floor zones, desk, terminals, screen
// housing, banner), and the stylised digital-human body, so the whole room costs a single draw call.
// The shell's floor and aisle tile the terrazzo texture; the rest samples its flat texel (same colours).
import { BoxGeometry, type BufferGeometry, CapsuleGeometry, CylinderGeometry, SphereGeometry } from 'three'
import { ColoredGeometryBatch, type PieceOptions } from '../../../platform/geometry'
import type { SurfaceTexture } from '../../../platform/render'
import type { HallLayout } from '../../../schema/kinds/service-hall'

type V3 = [number, number, number]

/** The platform batcher with the hall's shorthand: a box turned about Y. */
class GeometryBatch extends ColoredGeometryBatch {
  box(size: V3, color: string, position: V3, rotationY = 0, options?: PieceOptions): this {
    return this.place(new BoxGeometry(...size), color, position, [0, rotationY, 0], options)
  }

  /** The merged geometry; the hall always has pieces, so an empty batch is a bug. */
  mergeAll(): BufferGeometry {
    const merged = this.merge()
    if (!merged) throw new Error('hall geometry has no parts')
    return merged
  }
}

const deg = (d: number) => (d * Math.PI) / 180

/** Local offset turned by a fixture's rotationY, added to its position. */
function place(origin: V3, rotationY: number, local: V3): V3 {
  const a = deg(rotationY)
  return [
    origin[0] + local[0] * Math.cos(a) + local[2] * Math.sin(a),
    origin[1] + local[1],
    origin[2] - local[0] * Math.sin(a) + local[2] * Math.cos(a),
  ]
}

export const HALL_COLORS = {
  wall: '#eef1f4',
  wallBand: '#1f5fa8',
  floor: '#d9d4ca',
  aisle: '#c7c0b3',
  carpet: '#9fb4c9',
  desk: '#f4f6f8',
  deskTop: '#8a6a4a',
  accent: '#c8102e',
  dark: '#1b222b',
  terminal: '#e3e7eb',
  doorFrame: '#6b7785',
  plant: '#3f7d4e',
  pot: '#7a5a3a',
} as const

/** The texture of the hall's floor, in metres per tile (the shell's material shows it). */
export const HALL_FLOOR_SURFACE: SurfaceTexture = { name: 'terrazzo', tile: 2 }
const floor: PieceOptions = { textured: true }

/** The shell, with UVs for HALL_FLOOR_SURFACE. */
export function buildHallShell(layout: HallLayout): BufferGeometry {
  const [width, depth] = layout.size
  const h = layout.wallHeight
  const hx = width / 2
  const hz = depth / 2
  const b = new GeometryBatch(HALL_FLOOR_SURFACE)
  const c = HALL_COLORS

  // Floor: light terrazzo, a darker aisle from the entrance to the windows, a carpet under the seats.
  b.box([width, 0.02, depth], c.floor, [0, 0.0, 0], 0, floor)
  b.box([2.4, 0.022, depth - 1], c.aisle, [layout.entrance.position[0], 0.002, 0], 0, floor)
  const wa = layout.waitingArea
  b.box(
    [wa.size[0] + 0.6, 0.024, wa.size[1] + 0.6],
    c.carpet,
    [wa.position[0], 0.004, wa.position[2]],
    deg(wa.rotationY),
  )

  // Walls with a blue band at eye level; the front wall leaves the entrance open.
  const t = 0.2
  b.box([width, h, t], c.wall, [0, h / 2, -hz - t / 2])
  b.box([t, h, depth], c.wall, [-hx - t / 2, h / 2, 0])
  b.box([t, h, depth], c.wall, [hx + t / 2, h / 2, 0])
  const door = 3.2
  const ex = layout.entrance.position[0]
  const leftW = ex - door / 2 + hx
  const rightW = hx - (ex + door / 2)
  b.box([leftW, h, t], c.wall, [-hx + leftW / 2, h / 2, hz + t / 2])
  b.box([rightW, h, t], c.wall, [hx - rightW / 2, h / 2, hz + t / 2])
  b.box([door, h - 2.8, t], c.wall, [ex, 2.8 + (h - 2.8) / 2, hz + t / 2])
  for (const s of [-1, 1]) b.box([0.12, 2.8, 0.3], c.doorFrame, [ex + (s * door) / 2, 1.4, hz])
  for (const [x, z, w, d] of [
    [0, -hz + 0.01, width, 0.02],
    [-hx + 0.01, 0, 0.02, depth],
    [hx - 0.01, 0, 0.02, depth],
  ] as const) {
    b.box([w || 0.02, 0.25, d || 0.02], c.wallBand, [x, 1.0, z])
  }

  // The red banner board above the windows carries the hall's name.
  b.box([Math.min(12, width - 2), 0.9, 0.08], c.accent, [0, 3.75, -hz + 0.08])

  // Partitions between windows and a back panel behind the clerks.
  const xs = layout.windows.map((w) => w.position[0]).sort((a, b2) => a - b2)
  for (let i = 0; i + 1 < xs.length; i++) {
    const w = layout.windows[0]
    b.box([0.08, 2.3, 1.2], c.terminal, [(xs[i] + xs[i + 1]) / 2, 1.15, w.position[2] - 0.2])
  }

  // Guidance desk: a long white counter with a wooden top and a red front stripe.
  const gd = layout.guidanceDesk
  b.box([2.4, 1.0, 0.9], c.desk, place(gd.position, gd.rotationY, [0, 0.5, 0]), deg(gd.rotationY))
  b.box([2.5, 0.05, 1.0], c.deskTop, place(gd.position, gd.rotationY, [0, 1.025, 0]), deg(gd.rotationY))
  b.box([2.42, 0.12, 0.02], c.accent, place(gd.position, gd.rotationY, [0, 0.75, 0.46]), deg(gd.rotationY))

  // Self-service corner: upright terminals with dark screens.
  const ss = layout.selfService
  for (let i = 0; i < ss.terminals; i++) {
    const along = (i - (ss.terminals - 1) / 2) * 1.1
    b.box(
      [0.55, 1.3, 0.35],
      c.terminal,
      place(ss.position, ss.rotationY, [along, 0.65, 0]),
      deg(ss.rotationY),
    )
    b.box([0.45, 0.55, 0.02], c.dark, place(ss.position, ss.rotationY, [along, 1.4, 0.05]), deg(ss.rotationY))
  }

  // Call-screen housing, hung from the ceiling on two rods.
  const cs = layout.callScreen
  b.box([3.8, 1.6, 0.12], c.dark, place(cs.position, cs.rotationY, [0, 0, -0.07]), deg(cs.rotationY))
  for (const s of [-1, 1])
    b.place(
      new CylinderGeometry(0.02, 0.02, h - cs.position[1] - 0.8, 6),
      c.doorFrame,
      place(cs.position, cs.rotationY, [s * 1.6, (h - cs.position[1]) / 2 + 0.4, -0.07]),
    )

  // A few plants soften the corners.
  for (const [x, z] of [
    [-hx + 0.8, hz - 0.8],
    [hx - 0.8, hz - 0.8],
    [hx - 0.8, -1],
  ] as const) {
    b.place(new CylinderGeometry(0.25, 0.2, 0.5, 10), c.pot, [x, 0.25, z])
    b.place(new SphereGeometry(0.45, 10, 8), c.plant, [x, 0.95, z])
  }
  return b.mergeAll()
}

export const AVATAR_COLORS = {
  suit: '#1f3b5c',
  shirt: '#f5f5f5',
  skin: '#e6b896',
  hair: '#1e1a18',
  badge: '#c8102e',
}

/** A stylised clerk or guide, ~1.7 m tall, facing +Z, origin at the feet. */
export function buildAvatar(options: { seated?: boolean; suit?: string } = {}): BufferGeometry {
  const b = new GeometryBatch()
  const c = AVATAR_COLORS
  const suit = options.suit ?? c.suit
  const lift = options.seated ? -0.45 : 0
  if (!options.seated) {
    for (const x of [-0.09, 0.09]) b.place(new CylinderGeometry(0.065, 0.055, 0.85, 8), suit, [x, 0.43, 0])
  }
  b.place(new CapsuleGeometry(0.18, 0.4, 4, 10), suit, [0, 1.2 + lift, 0])
  b.place(new BoxGeometry(0.12, 0.22, 0.02), c.shirt, [0, 1.33 + lift, 0.165])
  b.place(new BoxGeometry(0.05, 0.03, 0.01), c.badge, [0.09, 1.32 + lift, 0.175])
  for (const x of [-0.23, 0.23])
    b.place(new CapsuleGeometry(0.05, 0.45, 3, 8), suit, [x, 1.15 + lift, 0.02], [0.15, 0, 0])
  b.place(new CylinderGeometry(0.055, 0.06, 0.08, 8), c.skin, [0, 1.5 + lift, 0])
  b.place(new SphereGeometry(0.12, 14, 10), c.skin, [0, 1.64 + lift, 0])
  b.place(new SphereGeometry(0.125, 14, 8, 0, Math.PI * 2, 0, Math.PI * 0.5), c.hair, [0, 1.66 + lift, -0.01])
  for (const x of [-0.04, 0.04]) b.place(new SphereGeometry(0.014, 6, 4), c.hair, [x, 1.66 + lift, 0.11])
  return b.mergeAll()
}
