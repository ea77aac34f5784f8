// Route guidance: an animated arrow path on the floor from where the visitor stood to the destination,
// a guide avatar walking it ahead of them, and "follow" mode that teleports the visitor stop by stop
// (teleportPlayer: a teleport in XR, a short glide on desktop). Per-frame work reads the store directly.
import { useEffect, useMemo, useRef } from 'react'
import {
  BufferGeometry,
  DataTexture,
  Float32BufferAttribute,
  type Group,
  RepeatWrapping,
  RGBAFormat,
} from 'three'
import { useFrameStage } from '../../../platform/frame'
import { teleportPlayer, usePlayer } from '../../../platform/locomotion'
import type { ServiceHallContent } from '../../../schema/kinds/service-hall'
import { buildAvatar } from '../logic/hall-geometry'
import {
  type FloorPoint,
  pointAlong,
  type RoutePoint,
  routeLength,
  teleportStops,
} from '../logic/route-planner'
import { type ActiveRoute, routeStopReached, useHall } from '../service-hall-store'

const WALK_SPEED = 1.2 // m/s, an unhurried guide
const PATH_WIDTH = 0.4
/** The ribbon's height above the floor (the debug view places its ends with it). */
export const RIBBON_Y = 0.03

/** Chevrons pointing along +u, tiled along the path. */
function chevronTexture(): DataTexture {
  const w = 32
  const h = 16
  const data = new Uint8Array(w * h * 4)
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const d = Math.abs(y - h / 2 + 0.5) / (h / 2)
      const stripe = (x / w - d * 0.35 + 1) % 1
      const on = stripe > 0.25 && stripe < 0.55
      const i = (y * w + x) * 4
      data.set(on ? [255, 209, 102, 255] : [31, 95, 168, 150], i)
    }
  }
  const t = new DataTexture(data, w, h, RGBAFormat)
  t.wrapS = RepeatWrapping
  t.needsUpdate = true
  return t
}

/** A flat ribbon along the route, u running in metres along it so the texture repeats every 0.5 m. */
function ribbonGeometry(path: readonly FloorPoint[]): BufferGeometry {
  const positions: number[] = []
  const uvs: number[] = []
  let u = 0
  for (let i = 1; i < path.length; i++) {
    const [ax, az] = path[i - 1]
    const [bx, bz] = path[i]
    const len = Math.hypot(bx - ax, bz - az)
    if (len < 1e-6) continue
    const nx = (-(bz - az) / len) * (PATH_WIDTH / 2)
    const nz = ((bx - ax) / len) * (PATH_WIDTH / 2)
    const y = RIBBON_Y
    const u0 = u / 0.5
    const u1 = (u + len) / 0.5
    // two triangles per leg: (a-left, a-right, b-left) and (b-left, a-right, b-right)
    positions.push(ax + nx, y, az + nz, ax - nx, y, az - nz, bx + nx, y, bz + nz)
    positions.push(bx + nx, y, bz + nz, ax - nx, y, az - nz, bx - nx, y, bz - nz)
    uvs.push(u0, 1, u0, 0, u1, 1, u1, 1, u0, 0, u1, 0)
    u += len
  }
  const g = new BufferGeometry()
  g.setAttribute('position', new Float32BufferAttribute(positions, 3))
  g.setAttribute('uv', new Float32BufferAttribute(uvs, 2))
  g.computeVertexNormals()
  return g
}

/** Player yaw (degrees, 0 looks down -Z) for walking in the direction of `heading` (radians, 0 = +Z). */
function yawFor(heading: number): number {
  return ((heading + Math.PI) * 180) / Math.PI
}

export function RouteGuide({ content }: { content: ServiceHallContent }) {
  const route = useHall((s) => s.route)
  const elderly = useHall((s) => s.elderly)
  const guide = useRef<Group>(null)
  const texture = useMemo(chevronTexture, [])
  const avatar = useMemo(() => buildAvatar({ suit: '#2d6cb5' }), [])
  const path = route?.path
  const ribbon = useMemo(() => (path ? ribbonGeometry(path) : null), [path])
  useEffect(() => () => ribbon?.dispose(), [ribbon])
  // The walk along the current route; its length and stops are worked out once per route, not per frame.
  const walk = useRef({
    distance: 0,
    lastStop: 0,
    path: null as FloorPoint[] | null,
    length: 0,
    stops: [] as RoutePoint[],
    at: { point: [0, 0], heading: 0 } as RoutePoint,
  })
  const desk = content.layout.guidanceDesk.position
  // The guide waits behind the desk, beside the panel, until there is somewhere to go.
  const home: FloorPoint = [desk[0] + 1.0, desk[2] - 0.8]

  useFrameStage('kindLogic', (_, delta) => {
    texture.offset.x -= delta * 1.2
    const g = guide.current
    const r: ActiveRoute | null = useHall.getState().route
    const w = walk.current
    if (!g) return
    if (!r) {
      g.position.set(home[0], 0, home[1])
      g.rotation.y = 0
      w.path = null
      return
    }
    if (w.path !== r.path) {
      // A new route: the guide starts from the route's start, next to the visitor.
      w.path = r.path
      w.distance = 0
      w.lastStop = performance.now()
      w.length = routeLength(r.path)
      w.stops = teleportStops(r.path, 2.5)
    }
    const { length, stops } = w
    // The guide keeps about two metres ahead of the visitor's last stop while they follow.
    const visitorAt = r.stop === 0 ? 0 : (length * r.stop) / stops.length
    const limit = Math.min(length, visitorAt + 2.2)
    w.distance = Math.min(limit, w.distance + WALK_SPEED * (elderly ? 0.75 : 1) * delta)
    const { point, heading } = pointAlong(r.path, w.distance, w.at)
    g.position.set(point[0], Math.abs(Math.sin(w.distance * 4)) * 0.03, point[1])
    g.rotation.y = heading

    if (r.arrived) return
    if (r.following) {
      const interval = elderly ? 1400 : 900
      const now = performance.now()
      if (now - w.lastStop < interval) return
      w.lastStop = now
      const next = r.stop + 1
      const stop = stops[next - 1]
      const last = next >= stops.length
      teleportPlayer([stop.point[0], 0, stop.point[1]], last ? r.arrivalYaw : yawFor(stop.heading))
      routeStopReached(next, last)
      return
    }
    // Walking or teleporting on their own: arriving near the end counts.
    const p = usePlayer.getState().position
    const end = r.path[r.path.length - 1]
    if (Math.hypot(p[0] - end[0], p[2] - end[1]) < 0.8) routeStopReached(stops.length, true)
  })

  return (
    <group name="sh:route">
      {route && ribbon && !route.arrived && (
        <mesh geometry={ribbon} name="sh:route-path" renderOrder={1}>
          <meshBasicMaterial map={texture} transparent depthWrite={false} toneMapped={false} />
        </mesh>
      )}
      <group ref={guide} name="sh:guide">
        <mesh geometry={avatar}>
          <meshLambertMaterial vertexColors />
        </mesh>
      </group>
    </group>
  )
}
