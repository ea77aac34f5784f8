// Walking routes across the hall floor: A* on a 25 cm grid around the desks, machines, seats and counters,
// then straightened where the line of sight is clear. Plain maths on [x, z] pairs; the floor path, the
// guide avatar and XR teleport steps all follow the same points.
import type { HallLayout, ServiceWindow } from '../../../schema/kinds/service-hall'

export type FloorPoint = [number, number]

export interface Obstacle {
  min: FloorPoint
  max: FloorPoint
}

const CELL = 0.25
/** Half a shoulder width plus a little: how far a walking route keeps from furniture. */
const CLEARANCE = 0.35

function box(cx: number, cz: number, halfX: number, halfZ: number, rotationY = 0): Obstacle {
  // Fixtures are turned in right angles only, so swapping the half sizes is enough.
  const turned = Math.round(Math.abs(rotationY) / 90) % 2 === 1
  const hx = turned ? halfZ : halfX
  const hz = turned ? halfX : halfZ
  return { min: [cx - hx, cz - hz], max: [cx + hx, cz + hz] }
}

/** The front of a window's counter faces +Z turned by rotationY; visitors stand a metre in front. */
export function windowStandPoint(window: ServiceWindow, distance = 1.1): FloorPoint {
  const a = (window.rotationY * Math.PI) / 180
  return [window.position[0] + Math.sin(a) * distance, window.position[2] + Math.cos(a) * distance]
}

export function hallObstacles(layout: HallLayout): Obstacle[] {
  const { guidanceDesk: desk, ticketMachine: machine, waitingArea: seats, selfService } = layout
  const obstacles = [
    box(desk.position[0], desk.position[2], 1.3, 0.6, desk.rotationY),
    box(machine.position[0], machine.position[2], 0.45, 0.4, machine.rotationY),
    box(seats.position[0], seats.position[2], seats.size[0] / 2, seats.size[1] / 2, seats.rotationY),
    box(
      selfService.position[0],
      selfService.position[2],
      0.5,
      selfService.terminals * 0.6,
      selfService.rotationY,
    ),
  ]
  for (const w of layout.windows) obstacles.push(box(w.position[0], w.position[2], 1.1, 0.45, w.rotationY))
  return obstacles
}

interface Grid {
  cols: number
  rows: number
  x0: number
  z0: number
  blocked: Uint8Array
}

function buildGrid(layout: HallLayout, obstacles: Obstacle[]): Grid {
  const [width, depth] = layout.size
  const cols = Math.round(width / CELL)
  const rows = Math.round(depth / CELL)
  const x0 = -width / 2
  const z0 = -depth / 2
  const blocked = new Uint8Array(cols * rows)
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x = x0 + (c + 0.5) * CELL
      const z = z0 + (r + 0.5) * CELL
      const nearWall = x < x0 + CLEARANCE || x > -x0 - CLEARANCE || z < z0 + CLEARANCE || z > -z0 - CLEARANCE
      const inside = obstacles.some(
        (o) =>
          x > o.min[0] - CLEARANCE &&
          x < o.max[0] + CLEARANCE &&
          z > o.min[1] - CLEARANCE &&
          z < o.max[1] + CLEARANCE,
      )
      if (nearWall || inside) blocked[r * cols + c] = 1
    }
  }
  return { cols, rows, x0, z0, blocked }
}

function cellOf(grid: Grid, p: FloorPoint): number {
  const c = Math.min(grid.cols - 1, Math.max(0, Math.floor((p[0] - grid.x0) / CELL)))
  const r = Math.min(grid.rows - 1, Math.max(0, Math.floor((p[1] - grid.z0) / CELL)))
  return r * grid.cols + c
}

function centreOf(grid: Grid, cell: number): FloorPoint {
  return [grid.x0 + ((cell % grid.cols) + 0.5) * CELL, grid.z0 + (Math.floor(cell / grid.cols) + 0.5) * CELL]
}

/** The nearest open cell, so a start or goal standing inside a clearance margin still gets a route. */
function nearestOpen(grid: Grid, cell: number): number {
  if (!grid.blocked[cell]) return cell
  const [x, z] = centreOf(grid, cell)
  let best = cell
  let bestD = Number.POSITIVE_INFINITY
  for (let i = 0; i < grid.blocked.length; i++) {
    if (grid.blocked[i]) continue
    const [cx, cz] = centreOf(grid, i)
    const d = (cx - x) ** 2 + (cz - z) ** 2
    if (d < bestD) {
      bestD = d
      best = i
    }
  }
  return best
}

function lineIsClear(grid: Grid, a: FloorPoint, b: FloorPoint): boolean {
  const steps = Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / (CELL / 2))
  for (let i = 0; i <= steps; i++) {
    const t = steps === 0 ? 0 : i / steps
    if (grid.blocked[cellOf(grid, [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t])]) return false
  }
  return true
}

/** Shortest walkable route from `from` to `to` (both [x, z]); starts at `from` and ends at `to`. */
export function planRoute(layout: HallLayout, from: FloorPoint, to: FloorPoint): FloorPoint[] {
  const grid = buildGrid(layout, hallObstacles(layout))
  const start = nearestOpen(grid, cellOf(grid, from))
  const goal = nearestOpen(grid, cellOf(grid, to))
  const cost = new Float64Array(grid.blocked.length).fill(Number.POSITIVE_INFINITY)
  const came = new Int32Array(grid.blocked.length).fill(-1)
  const [gx, gz] = centreOf(grid, goal)
  const h = (cell: number) => {
    const [x, z] = centreOf(grid, cell)
    return Math.hypot(x - gx, z - gz)
  }
  // A binary heap would be faster; a few thousand cells keep a sorted open list quick enough (< 10 ms).
  const open: { cell: number; f: number }[] = [{ cell: start, f: h(start) }]
  cost[start] = 0
  const closed = new Uint8Array(grid.blocked.length)
  while (open.length) {
    let bi = 0
    for (let i = 1; i < open.length; i++) if (open[i].f < open[bi].f) bi = i
    const { cell } = open.splice(bi, 1)[0]
    if (cell === goal) break
    if (closed[cell]) continue
    closed[cell] = 1
    const c = cell % grid.cols
    const r = Math.floor(cell / grid.cols)
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        if (!dr && !dc) continue
        const nc = c + dc
        const nr = r + dr
        if (nc < 0 || nr < 0 || nc >= grid.cols || nr >= grid.rows) continue
        const next = nr * grid.cols + nc
        // No corner cutting: a diagonal step needs both side cells open.
        if (
          grid.blocked[next] ||
          (dr && dc && (grid.blocked[r * grid.cols + nc] || grid.blocked[nr * grid.cols + c]))
        )
          continue
        const g = cost[cell] + (dr && dc ? Math.SQRT2 : 1) * CELL
        if (g < cost[next]) {
          cost[next] = g
          came[next] = cell
          open.push({ cell: next, f: g + h(next) })
        }
      }
    }
  }
  const cells: number[] = []
  for (let cell = goal; cell !== -1; cell = cell === start ? -1 : came[cell]) {
    cells.push(cell)
    if (cell !== start && came[cell] === -1) return [from, to] // unreachable: walk straight, better than nothing
  }
  cells.reverse()
  const raw: FloorPoint[] = [from, ...cells.map((cell) => centreOf(grid, cell)), to]
  // String-pulling: keep only the corners the straight line cannot skip.
  const path: FloorPoint[] = [raw[0]]
  let anchor = 0
  for (let i = 2; i < raw.length; i++) {
    if (!lineIsClear(grid, raw[anchor], raw[i])) {
      path.push(raw[i - 1])
      anchor = i - 1
    }
  }
  path.push(raw[raw.length - 1])
  return path
}

export function routeLength(path: readonly FloorPoint[]): number {
  let length = 0
  for (let i = 1; i < path.length; i++)
    length += Math.hypot(path[i][0] - path[i - 1][0], path[i][1] - path[i - 1][1])
  return length
}

/** A point on the floor and the heading (radians about Y, 0 = +Z) of the leg it lies on. */
export interface RoutePoint {
  point: FloorPoint
  heading: number
}

/**
 * The point `distance` metres along the route and the heading of that leg. `out` lets a per-frame caller
 * reuse one result instead of allocating.
 */
export function pointAlong(
  path: readonly FloorPoint[],
  distance: number,
  out: RoutePoint = { point: [0, 0], heading: 0 },
): RoutePoint {
  let left = Math.max(0, distance)
  for (let i = 1; i < path.length; i++) {
    const [ax, az] = path[i - 1]
    const [bx, bz] = path[i]
    const leg = Math.hypot(bx - ax, bz - az)
    if (left <= leg || i === path.length - 1) {
      const t = leg === 0 ? 1 : Math.min(1, left / leg)
      out.point[0] = ax + (bx - ax) * t
      out.point[1] = az + (bz - az) * t
      out.heading = Math.atan2(bx - ax, bz - az)
      return out
    }
    left -= leg
  }
  const last = path[path.length - 1]
  out.point[0] = last?.[0] ?? 0
  out.point[1] = last?.[1] ?? 0
  out.heading = 0
  return out
}

/** Teleport stops along the route, at most `step` metres apart, ending at the destination. */
export function teleportStops(path: readonly FloorPoint[], step = 3): RoutePoint[] {
  const length = routeLength(path)
  const count = Math.max(1, Math.ceil(length / step))
  return Array.from({ length: count }, (_, i) => pointAlong(path, ((i + 1) / count) * length))
}
