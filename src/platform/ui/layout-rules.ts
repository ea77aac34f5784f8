// The layout and legibility rules, as pure checks over what the `layout` debug view reports: panels
// and controls must not overlap, text must stay inside its panel, panels must stay in view, and text a
// visitor must read must subtend at least 0.9° (XR) or its px equivalent through the camera (desktop).
// The browser rule test (test/browser/layout-rules.test.ts) runs these over every scene's states.

/** Minimum cap height a visitor must read, in degrees of visual angle (≈ 16 mm at 1 m). */
export const MIN_CAP_DEG = 0.9

/**
 * Desktop floor in CSS px for the cap height: the 0.9° rule seen through the camera at the current
 * viewport, and never below 8 px (a ~11 px font, the smallest screen text we accept at a kiosk).
 */
export const MIN_CAP_PX = 8

/** Cap height over font size for the shipped Noto Sans SC (capHeight 733 / unitsPerEm 1000). */
export const CAP_HEIGHT_RATIO = 0.733

/** A rectangle in view units: CSS px on desktop, degrees (right, down) from the head's forward in XR. */
export interface ViewRect {
  x0: number
  y0: number
  x1: number
  y1: number
}

/** A projected rectangle's four corners in order (a panel seen at an angle is not axis-aligned). */
export type ViewQuad = [number, number][]

export interface LayoutBox {
  /** The four projected corners (XR: on tangentPlaneDeg's plane); overlap and containment use these. */
  quad?: ViewQuad
  /** Object path, e.g. "tour-console/tour:play" (names of named ancestors joined by "/"). */
  path: string
  kind: 'panel' | 'control'
  /** Paths of the boxes this one is nested in (a button in a panel, a card in a slot). */
  ancestors: string[]
  rect: ViewRect
  /** False when any corner is behind the eye. */
  inFront: boolean
  /** The named view slot this box is placed by, if any. */
  slot?: string
  /** Metres from the eye to the box's centre. */
  distance: number
}

export interface LayoutText {
  quad?: ViewQuad
  path: string
  text: string
  /** The nearest box (panel or control) the text is drawn on, or null for free text in the scene. */
  box: string | null
  rect: ViewRect
  inFront: boolean
  /** Cap height in view units (px on desktop, degrees in XR). */
  cap: number
  /** Cap height in degrees of visual angle from the eye. */
  capDeg: number
  /** Metres from the eye. */
  distance: number
  decorative: boolean
  /** A Latin word troika split across two lines (its `overflowWrap` breaks a word too long for a line). */
  brokenWord?: string
  /** Lines the text was laid on, from troika's carets (undefined without them). */
  lines?: number
}

export interface LayoutView {
  mode: 'desktop' | 'xr'
  /** The view's bounds in view units: the viewport in px, or XR's comfort field in degrees. */
  bounds: ViewRect
  /** Regions the page's own controls cover (desktop's scene bar), in view units. */
  obstacles: ViewRect[]
  /** The legibility floor in view units for this view (px or degrees). */
  minCap: number
  boxes: LayoutBox[]
  texts: LayoutText[]
  /**
   * Shown texts troika is still laying out (or has yet to): their rectangles are the old text's, so a test
   * reads the view once this is 0 and nothing moved since the frame before (test/browser/layout-rules).
   */
  pendingTexts: number
}

export interface LayoutProblem {
  rule: 'overlap' | 'text-past-panel' | 'outside-view' | 'illegible' | 'word-broken'
  what: string
}

/**
 * Panels and text farther than this are read by walking closer, not from here: the scene expects a
 * visitor to read a station's panel from its stop, which is within this distance.
 */
export const READING_DISTANCE = 3

const area = (r: ViewRect) => Math.max(0, r.x1 - r.x0) * Math.max(0, r.y1 - r.y0)
function intersection(a: ViewRect, b: ViewRect): ViewRect {
  return {
    x0: Math.max(a.x0, b.x0),
    y0: Math.max(a.y0, b.y0),
    x1: Math.min(a.x1, b.x1),
    y1: Math.min(a.y1, b.y1),
  }
}
const centreIn = (r: ViewRect, b: ViewRect) => {
  const x = (r.x0 + r.x1) / 2
  const y = (r.y0 + r.y1) / 2
  return x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1
}
const inside = (r: ViewRect, b: ViewRect, tol: number) =>
  r.x0 >= b.x0 - tol && r.y0 >= b.y0 - tol && r.x1 <= b.x1 + tol && r.y1 <= b.y1 + tol
const fmt = (r: ViewRect) => `[${r.x0.toFixed(1)},${r.y0.toFixed(1)} → ${r.x1.toFixed(1)},${r.y1.toFixed(1)}]`

const quadOf = (r: ViewRect): ViewQuad => [
  [r.x0, r.y0],
  [r.x1, r.y0],
  [r.x1, r.y1],
  [r.x0, r.y1],
]

/**
 * A point in the eye's space (x right, y up, looking down -z) on the plane one unit ahead, in degrees
 * near the centre, for XR's outlines. Angles (the view's units) bend straight edges: a wide wall's top
 * edge rises in its nearer middle, so its four projected corners cut off text at the top of the wall.
 * On this plane a rectangle stays a convex quad, which the overlap and containment tests need.
 */
export function tangentPlaneDeg(x: number, y: number, z: number): [number, number] {
  const deg = 180 / Math.PI
  return [(x / -z) * deg, (-y / -z) * deg]
}

/** Whether two convex quads overlap by more than `tol` (separating axis test). */
export function quadsOverlap(a: ViewQuad, b: ViewQuad, tol: number): boolean {
  for (const poly of [a, b]) {
    for (let i = 0; i < poly.length; i++) {
      const [x0, y0] = poly[i]
      const [x1, y1] = poly[(i + 1) % poly.length]
      const len = Math.hypot(x1 - x0, y1 - y0)
      if (len < 1e-9) continue
      const nx = (y0 - y1) / len
      const ny = (x1 - x0) / len
      const project = (q: ViewQuad) => q.map(([x, y]) => x * nx + y * ny)
      const pa = project(a)
      const pb = project(b)
      const overlap = Math.min(Math.max(...pa), Math.max(...pb)) - Math.max(Math.min(...pa), Math.min(...pb))
      if (overlap <= tol) return false
    }
  }
  return true
}

/** Whether every corner of `inner` lies inside the convex quad `outer`, give or take `tol`. */
export function quadInside(inner: ViewQuad, outer: ViewQuad, tol: number): boolean {
  // Orientation-free: a point is inside when it is on the same side of every edge as the centre.
  const cx = outer.reduce((s, p) => s + p[0], 0) / outer.length
  const cy = outer.reduce((s, p) => s + p[1], 0) / outer.length
  for (let i = 0; i < outer.length; i++) {
    const [x0, y0] = outer[i]
    const [x1, y1] = outer[(i + 1) % outer.length]
    const len = Math.hypot(x1 - x0, y1 - y0)
    if (len < 1e-9) continue
    const side = (x: number, y: number) => ((x1 - x0) * (y - y0) - (y1 - y0) * (x - x0)) / len
    const sign = Math.sign(side(cx, cy)) || 1
    for (const [x, y] of inner) if (side(x, y) * sign < -tol) return false
  }
  return true
}

/** Every rule broken in this view, with what and where. An empty list means the view passes. */
export function checkLayout(view: LayoutView): LayoutProblem[] {
  const problems: LayoutProblem[] = []
  const tol = view.mode === 'xr' ? 0.3 : 2
  // A world panel across the room is scenery from here: the visitor reads it after walking up to it.
  const visible = view.boxes.filter(
    (b) =>
      b.inFront && area(intersection(b.rect, view.bounds)) > 0 && (b.slot || b.distance <= READING_DISTANCE),
  )
  // Panels in view: a slot panel must be wholly inside; a world panel only counts once its centre is in
  // view (a panel the visitor has to turn to is not "cut off", it is elsewhere).
  for (const b of visible) {
    if (
      b.kind !== 'panel' ||
      b.ancestors.some((a) => visible.some((v) => v.path === a && v.kind === 'panel'))
    )
      continue
    if (!b.slot && !centreIn(b.rect, view.bounds)) continue
    if (!inside(b.rect, view.bounds, tol))
      problems.push({ rule: 'outside-view', what: `${b.path} ${fmt(b.rect)} outside ${fmt(view.bounds)}` })
    for (const o of view.obstacles)
      if (area(intersection(b.rect, o)) > tol * tol)
        problems.push({
          rule: 'overlap',
          what: `${b.path} ${fmt(b.rect)} under the page's controls ${fmt(o)}`,
        })
  }
  for (let i = 0; i < visible.length; i++) {
    for (let j = i + 1; j < visible.length; j++) {
      const a = visible[i]
      const b = visible[j]
      if (a.ancestors.includes(b.path) || b.ancestors.includes(a.path)) continue
      if (quadsOverlap(a.quad ?? quadOf(a.rect), b.quad ?? quadOf(b.rect), tol))
        problems.push({ rule: 'overlap', what: `${a.path} ${fmt(a.rect)} overlaps ${b.path} ${fmt(b.rect)}` })
    }
  }
  // Texts on one panel are laid out by hand: a label that wraps onto a second line grows into its
  // neighbour's row, which the boxes alone never show (the hall's English checklist did).
  const read = view.texts.filter((t) => t.box && t.inFront && centreIn(t.rect, view.bounds))
  for (let i = 0; i < read.length; i++)
    for (let j = i + 1; j < read.length; j++) {
      const a = read[i]
      const b = read[j]
      if (a.box === b.box && quadsOverlap(a.quad ?? quadOf(a.rect), b.quad ?? quadOf(b.rect), tol))
        problems.push({
          rule: 'overlap',
          what: `"${a.text}" ${fmt(a.rect)} overlaps "${b.text}" ${fmt(b.rect)} on ${a.box}`,
        })
    }
  for (const t of view.texts) {
    if (!t.inFront || !centreIn(t.rect, view.bounds)) continue
    const box = t.box ? view.boxes.find((b) => b.path === t.box) : undefined
    if (box && !quadInside(t.quad ?? quadOf(t.rect), box.quad ?? quadOf(box.rect), tol))
      problems.push({
        rule: 'text-past-panel',
        what: `"${t.text}" ${fmt(t.rect)} past ${box.path} ${fmt(box.rect)}`,
      })
    if (t.decorative || t.distance > READING_DISTANCE) continue
    if (t.brokenWord)
      problems.push({ rule: 'word-broken', what: `"${t.text}" breaks "${t.brokenWord}" across two lines` })
    if (t.cap < view.minCap)
      problems.push({
        rule: 'illegible',
        what: `"${t.text}" cap ${t.cap.toFixed(2)} < ${view.minCap.toFixed(2)} ${view.mode === 'xr' ? '°' : 'px'} (${t.capDeg.toFixed(2)}°)`,
      })
  }
  return problems
}

/**
 * The first Latin word a laid-out text splits across lines, or undefined. `caretPositions` is troika's
 * (startX, endX, bottomY, topY per character of `text`): two letters of one word on different
 * baselines mean the line broke inside the word ("Temperatu" / "re" on a narrow gauge).
 */
export function brokenWordIn(text: string, caretPositions: ArrayLike<number>): string | undefined {
  const isWordChar = (ch: string | undefined) => !!ch && /[A-Za-z0-9]/.test(ch)
  for (let i = 0; i + 1 < text.length && (i + 1) * 4 + 2 < caretPositions.length; i++) {
    if (!isWordChar(text[i]) || !isWordChar(text[i + 1])) continue
    if (caretPositions[i * 4 + 2] === caretPositions[(i + 1) * 4 + 2]) continue
    let start = i
    let end = i + 1
    while (isWordChar(text[start - 1])) start--
    while (isWordChar(text[end + 1])) end++
    return text.slice(start, end + 1)
  }
  return undefined
}

/** How many lines a laid-out text takes: the distinct baselines of its characters' carets. */
export function caretLines(caretPositions: ArrayLike<number>): number {
  const baselines = new Set<number>()
  for (let i = 2; i < caretPositions.length; i += 4) baselines.add(caretPositions[i])
  return baselines.size
}

/** The desktop floor in px at a viewport: 0.9° through a camera of this vertical fov, at least MIN_CAP_PX. */
export function desktopMinCapPx(viewportHeight: number, fovDeg: number): number {
  const pxPerUnit = viewportHeight / 2 / Math.tan((fovDeg * Math.PI) / 360)
  return Math.max(MIN_CAP_PX, pxPerUnit * Math.tan((MIN_CAP_DEG * Math.PI) / 180))
}
