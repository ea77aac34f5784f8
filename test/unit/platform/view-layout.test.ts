// The platform's spatial layout without a browser: the named view regions never overlap, a panel fitted
// into a slot stays inside its region at every supported window size and in XR, the rules catch each
// kind of layout fault, and subtitles are paged so a long narration never runs past the bar.
import { describe, expect, it } from 'vitest'
import {
  brokenWordIn,
  caretLines,
  checkLayout,
  desktopMinCapPx,
  type LayoutBox,
  type LayoutView,
  MIN_CAP_PX,
  quadInside,
  quadsOverlap,
  tangentPlaneDeg,
} from '../../../src/platform/ui/layout-rules'
import {
  fitToSlot,
  SLOT_DISTANCE,
  SLOT_REGIONS,
  SLOT_REGIONS_PORTRAIT,
  slotRegions,
  type ViewSlotName,
  XR_COMFORT,
} from '../../../src/platform/ui/view-slots'

const slots = Object.keys(SLOT_REGIONS) as ViewSlotName[]
const VIEWS = [
  { fovDeg: 70, aspect: 1024 / 640, topInset: 0.09 },
  { fovDeg: 70, aspect: 1280 / 720, topInset: 0.08 },
  { fovDeg: 70, aspect: 1920 / 1080, topInset: 0.05 },
  { fovDeg: 70, aspect: 1080 / 1920, topInset: 0.06 },
  XR_COMFORT,
]

describe('view slots', () => {
  it.each([
    ['landscape', SLOT_REGIONS],
    ['portrait', SLOT_REGIONS_PORTRAIT],
  ])('are disjoint regions inside the view (%s)', (_, regions) => {
    for (const [i, a] of slots.entries()) {
      const r = regions[a]
      expect(r.x0).toBeGreaterThanOrEqual(0)
      expect(r.x1).toBeLessThanOrEqual(1)
      expect(r.y0).toBeGreaterThanOrEqual(0)
      expect(r.y1).toBeLessThanOrEqual(1)
      for (const b of slots.slice(i + 1)) {
        const q = regions[b]
        const overlaps = r.x0 < q.x1 && q.x0 < r.x1 && r.y0 < q.y1 && q.y0 < r.y1
        expect(overlaps, `${a} and ${b}`).toBe(false)
      }
    }
  })

  it('fit any panel inside its region at every window size and in XR', () => {
    for (const view of VIEWS) {
      const halfH = Math.tan((view.fovDeg * Math.PI) / 360) * SLOT_DISTANCE
      const halfW = halfH * view.aspect
      const inset = 'topInset' in view ? view.topInset : 0
      for (const slot of slots) {
        for (const [w, h] of [
          [0.96, 0.3],
          [0.36, 0.54],
          [1.5, 0.2],
          [0.3, 1.2],
        ]) {
          const p = fitToSlot(slot, w, h, view)
          const r = slotRegions(view.aspect)[slot]
          // Back to fractions of the view (x from the left, y from the top).
          const left = (p.x - (w * p.scale) / 2 + halfW) / (2 * halfW)
          const right = (p.x + (w * p.scale) / 2 + halfW) / (2 * halfW)
          const top = (halfH - (p.y + (h * p.scale) / 2)) / (2 * halfH)
          const bottom = (halfH - (p.y - (h * p.scale) / 2)) / (2 * halfH)
          const e = 1e-9
          expect(left).toBeGreaterThanOrEqual(r.x0 - e)
          expect(right).toBeLessThanOrEqual(r.x1 + e)
          expect(top).toBeGreaterThanOrEqual(inset + r.y0 * (1 - inset) - e)
          expect(bottom).toBeLessThanOrEqual(inset + r.y1 * (1 - inset) + e)
          expect(p.z).toBe(-SLOT_DISTANCE)
        }
      }
    }
  })
})

const box = (path: string, x0: number, y0: number, x1: number, y1: number, extra: Partial<LayoutBox> = {}) =>
  ({
    path,
    kind: 'panel',
    ancestors: [],
    rect: { x0, y0, x1, y1 },
    inFront: true,
    distance: 1,
    slot: 'center',
    ...extra,
  }) as LayoutBox
const view = (boxes: LayoutBox[], texts: LayoutView['texts'] = []): LayoutView => ({
  mode: 'desktop',
  bounds: { x0: 0, y0: 0, x1: 1024, y1: 640 },
  obstacles: [{ x0: 0, y0: 0, x1: 100, y1: 40 }],
  minCap: desktopMinCapPx(640, 70),
  boxes,
  texts,
  pendingTexts: 0,
})
const text = (t: string, boxPath: string | null, x0: number, x1: number, cap: number) => ({
  path: t,
  text: t,
  box: boxPath,
  rect: { x0, y0: 100, x1, y1: 120 },
  inFront: true,
  cap,
  capDeg: 1,
  distance: 1,
  decorative: false,
})

describe('layout rules', () => {
  it('accept panels side by side with legible text inside them', () => {
    const v = view(
      [
        box('a', 100, 60, 300, 300),
        box('b', 310, 60, 500, 300),
        box('a/btn', 120, 200, 200, 240, { kind: 'control', ancestors: ['a'] }),
      ],
      [text('hello', 'a', 110, 290, 12)],
    )
    expect(checkLayout(v)).toEqual([])
  })

  it('catch overlap, text past its panel, a panel out of view or under the page bar, and small text', () => {
    const v = view(
      [
        box('a', 100, 60, 300, 300),
        box('b', 250, 60, 500, 300),
        box('c', 900, 500, 1100, 700),
        box('d', 50, 10, 90, 30),
      ],
      [text('long', 'a', 110, 340, 12), text('tiny', 'b', 320, 400, 5)],
    )
    const rules = checkLayout(v).map((p) => p.rule)
    expect(rules).toContain('overlap')
    expect(rules).toContain('text-past-panel')
    expect(rules).toContain('outside-view')
    expect(rules).toContain('illegible')
    expect(checkLayout(v).some((p) => p.what.includes("page's controls"))).toBe(true)
  })

  it('catch two texts on one panel drawn over each other (a label wrapped into the next row)', () => {
    // The hall's English checklist: each row is its own text, and a row that wraps to two lines grows
    // up and down from its middle into the rows above and below. Each text alone is inside its panel.
    const row = (t: string, y0: number, y1: number) => ({
      ...text(t, 'a', 110, 290, 12),
      rect: { x0: 110, y0, x1: 290, y1 },
    })
    const wrapped = view([box('a', 100, 60, 300, 300)], [row('one', 100, 118), row('two lines', 112, 148)])
    expect(checkLayout(wrapped).map((p) => p.rule)).toEqual(['overlap'])
    const apart = view([box('a', 100, 60, 300, 300)], [row('one', 100, 118), row('two', 124, 142)])
    expect(checkLayout(apart)).toEqual([])
    // A label on a button over a panel's text is the boxes' business, not this rule's.
    const onButton = { ...row('key', 112, 148), box: 'b' }
    expect(
      checkLayout(view([box('a', 100, 60, 300, 300)], [row('one', 100, 118), onButton])).map((p) => p.rule),
    ).not.toContain('overlap')
  })

  it('catch a word troika broke across two lines, and only a word', () => {
    // Caret stride 4 (startX, endX, bottomY, topY); "Temperature" with "re" on the second line.
    const carets = (text: string, secondLineFrom: number) =>
      [...text].flatMap((_, i) => [i, i + 1, i < secondLineFrom ? 0 : -1, 1])
    expect(brokenWordIn('Temperature 21 °C', carets('Temperature 21 °C', 9))).toBe('Temperature')
    // A break at a space, or between CJK characters, is a line break, not a broken word.
    expect(brokenWordIn('Temperature 21 °C', carets('Temperature 21 °C', 12))).toBeUndefined()
    expect(brokenWordIn('温度传感器', carets('温度传感器', 2))).toBeUndefined()
    expect(caretLines(carets('Temperature 21 °C', 12))).toBe(2)
    expect(caretLines(carets('温度', 9))).toBe(1)
    const broken = { ...text('Temperature', 'a', 110, 290, 12), brokenWord: 'Temperature' }
    expect(checkLayout(view([box('a', 100, 60, 300, 300)], [broken])).map((p) => p.rule)).toEqual([
      'word-broken',
    ])
  })

  it('read 0.9° through the camera as px on desktop, never below 8 px', () => {
    expect(desktopMinCapPx(640, 70)).toBe(MIN_CAP_PX)
    expect(desktopMinCapPx(1920, 70)).toBeCloseTo(
      (1920 / 2 / Math.tan((35 * Math.PI) / 180)) * Math.tan((0.9 * Math.PI) / 180),
      6,
    )
  })
})

describe('projected quads', () => {
  it('tell buttons stacked on a panel seen at an angle apart, though their bounding boxes overlap', () => {
    // Two 40 px tall buttons 10 px apart on a panel turned away: top and bottom edges slant by 20 px.
    const upper: [number, number][] = [
      [0, 0],
      [200, 20],
      [200, 60],
      [0, 40],
    ]
    const lower: [number, number][] = [
      [0, 50],
      [200, 70],
      [200, 110],
      [0, 90],
    ]
    expect(quadsOverlap(upper, lower, 2)).toBe(false)
    const overlapping = lower.map(([x, y]) => [x, y - 20] as [number, number])
    expect(quadsOverlap(upper, overlapping, 2)).toBe(true)
    expect(
      quadInside(
        [
          [10, 10],
          [100, 25],
          [100, 40],
          [10, 30],
        ],
        upper,
        2,
      ),
    ).toBe(true)
    expect(
      quadInside(
        [
          [10, 10],
          [250, 25],
          [250, 40],
          [10, 30],
        ],
        upper,
        2,
      ),
    ).toBe(false)
  })
})

describe('projected outlines in XR', () => {
  // The view's own units in XR: degrees right of and down from the eye's forward.
  const angular = ([x, y]: [number, number], z: number): [number, number] => [
    (Math.atan2(x, z) * 180) / Math.PI,
    (-Math.atan2(y, Math.hypot(x, z)) * 180) / Math.PI,
  ]
  const corners = (x0: number, y0: number, x1: number, y1: number): [number, number][] => [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ]
  it('keep a title at the top of a wide wall inside the wall, above or below the eye', () => {
    // The tour's timeline wall (6.7 × 1.9 m) 2.5 m ahead; its title spans the wall's top middle, 6 cm
    // under the edge. As angles its corners put the edge's middle too low: the title read as past it.
    const z = 2.5
    for (const dy of [0, 1.2, -1.2]) {
      const wall = corners(-3.35, -0.95 + dy, 3.35, 0.95 + dy)
      const title = corners(-0.6, 0.8 + dy, 0.6, 0.89 + dy)
      const above = corners(-0.6, 0.97 + dy, 0.6, 1.05 + dy)
      const plane = (q: [number, number][]) => q.map(([x, y]) => tangentPlaneDeg(x, y, -z))
      expect(quadInside(plane(title), plane(wall), 0.3)).toBe(true)
      expect(quadInside(plane(above), plane(wall), 0.3)).toBe(false)
      if (dy === 0)
        expect(
          quadInside(
            title.map((p) => angular(p, z)),
            wall.map((p) => angular(p, z)),
            0.3,
          ),
        ).toBe(false)
    }
  })
})
