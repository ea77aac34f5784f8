// Outlines for UI symbols Noto Sans SC lacks (check marks, crosses, the erase key), drawn as
// non-self-intersecting polygons (outer counter-clockwise, holes clockwise) so any fill rule,
// troika's SDF included, fills them solidly.
// Coordinates are font units (1000/em, y up), centred in the CJK ideographic box.

type Point = [number, number]

/** Symbols we can draw, by code point: stroke width in font units and the shape. */
const SYMBOLS = new Map<number, { shape: 'check' | 'cross' | 'erase'; stroke: number }>([
  [0x2713, { shape: 'check', stroke: 90 }], // ✓ check mark
  [0x2714, { shape: 'check', stroke: 140 }], // ✔ heavy check mark
  [0x2715, { shape: 'cross', stroke: 80 }], // ✕ multiplication x
  [0x2716, { shape: 'cross', stroke: 130 }], // ✖ heavy multiplication x
  [0x2717, { shape: 'cross', stroke: 90 }], // ✗ ballot x
  [0x2718, { shape: 'cross', stroke: 140 }], // ✘ heavy ballot x
  [0x232b, { shape: 'erase', stroke: 70 }], // ⌫ erase to the left (backspace key)
])

const CENTRE: Point = [500, 380]
/** Full-width, like the ideographs the symbols sit beside. */
export const SYMBOL_ADVANCE = 1000

export function canDrawSymbol(code: number): boolean {
  return SYMBOLS.has(code)
}

/** A diagonal cross: a plus-sign outline (12 corners) turned 45 degrees. */
function cross(halfLength: number, halfWidth: number, centre: Point = CENTRE): Point[] {
  const l = halfLength
  const w = halfWidth
  const plus: Point[] = [
    [w, -l],
    [w, -w],
    [l, -w],
    [l, w],
    [w, w],
    [w, l],
    [-w, l],
    [-w, w],
    [-l, w],
    [-l, -w],
    [-w, -w],
    [-w, -l],
  ]
  const c = Math.SQRT1_2
  return plus.map(([x, y]) => [centre[0] + (x - y) * c, centre[1] + (x + y) * c])
}

/** Unit normal (left side) of the segment a→b. */
function normal(a: Point, b: Point): Point {
  const dx = b[0] - a[0]
  const dy = b[1] - a[1]
  const len = Math.hypot(dx, dy)
  return [-dy / len, dx / len]
}

/** Where the offset lines of two segments meet (miter join). */
function miter(a: Point, b: Point, c: Point, offset: number): Point {
  const n1 = normal(a, b)
  const n2 = normal(b, c)
  const m: Point = [n1[0] + n2[0], n1[1] + n2[1]]
  const scale = offset / (m[0] * n1[0] + m[1] * n1[1])
  return [b[0] + m[0] * scale, b[1] + m[1] * scale]
}

/** A check mark: a two-segment stroke from upper left, down to the tip, up to the right. */
function check(halfWidth: number): Point[] {
  const a: Point = [CENTRE[0] - 300, CENTRE[1] + 10]
  const b: Point = [CENTRE[0] - 90, CENTRE[1] - 230]
  const c: Point = [CENTRE[0] + 320, CENTRE[1] + 300]
  const na = normal(a, b)
  const nc = normal(b, c)
  const w = halfWidth
  // Left side of the path (a→b→c) then back along the right side: a counter-clockwise outline.
  return [
    [a[0] - na[0] * w, a[1] - na[1] * w],
    miter(a, b, c, -w),
    [c[0] - nc[0] * w, c[1] - nc[1] * w],
    [c[0] + nc[0] * w, c[1] + nc[1] * w],
    miter(a, b, c, w),
    [a[0] + na[0] * w, a[1] + na[1] * w],
  ]
}

/** Signed area (positive = counter-clockwise with y up). */
export function signedArea(points: Point[]): number {
  let area = 0
  for (let i = 0; i < points.length; i++) {
    const [x1, y1] = points[i]
    const [x2, y2] = points[(i + 1) % points.length]
    area += x1 * y2 - x2 * y1
  }
  return area / 2
}

/** The erase key: a left-pointing key cap with a cross cut out of it. */
function erase(halfWidth: number): Point[][] {
  const [cx, cy] = CENTRE
  const cap: Point[] = [
    [cx - 420, cy],
    [cx - 200, cy + 250],
    [cx + 420, cy + 250],
    [cx + 420, cy - 250],
    [cx - 200, cy - 250],
  ]
  return [cap, cross(150, halfWidth, [cx + 110, cy])]
}

function oriented(points: Point[], counterClockwise: boolean): Point[] {
  const rounded = points.map(([x, y]): Point => [Math.round(x), Math.round(y)])
  return signedArea(rounded) > 0 === counterClockwise ? rounded : rounded.reverse()
}

/**
 * The contours of a symbol: the outer one counter-clockwise (the PostScript/CFF convention),
 * any holes clockwise; null when we cannot draw that code point.
 */
export function symbolContours(code: number): Point[][] | null {
  const symbol = SYMBOLS.get(code)
  if (!symbol) return null
  const half = symbol.stroke / 2
  const contours =
    symbol.shape === 'cross' ? [cross(300, half)] : symbol.shape === 'check' ? [check(half)] : erase(half)
  return contours.map((contour, i) => oriented(contour, i === 0))
}
