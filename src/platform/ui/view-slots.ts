// The platform's one spatial layout: a few named regions of the view that never overlap, and the pure
// maths that fits a panel into its region. Desktop fits into the camera's frustum at the current
// viewport; XR fits into a fixed "comfort frustum" that lazily follows the head's yaw. Kinds name a
// slot (`<ViewSlot slot="bottom">`) instead of hand-placing UI, so two kinds of panel can never land
// on top of each other and every panel stays inside the view at any window size.

/** Named regions. Each panel kind has one home: subtitles "subtitle", consoles "bottom", cards "center"… */
export type ViewSlotName = 'top' | 'left' | 'right' | 'center' | 'subtitle' | 'bottom'

/** A region in fractions of the view: x from the left edge, y from the top edge (0..1). */
export interface SlotRegion {
  x0: number
  x1: number
  y0: number
  y1: number
}

/**
 * The regions, disjoint by construction (a unit test checks it). Top to bottom: a status strip; a band
 * with the left column, the centre (cards, dialogs, questions) and the right column; the subtitle line
 * (one home for every subtitle); and the console strip.
 */
export const SLOT_REGIONS: Record<ViewSlotName, SlotRegion> = {
  top: { x0: 0.2, x1: 0.8, y0: 0.01, y1: 0.15 },
  left: { x0: 0.01, x1: 0.21, y0: 0.16, y1: 0.7 },
  center: { x0: 0.22, x1: 0.78, y0: 0.16, y1: 0.7 },
  right: { x0: 0.79, x1: 0.99, y0: 0.16, y1: 0.7 },
  subtitle: { x0: 0.04, x1: 0.96, y0: 0.71, y1: 0.79 },
  bottom: { x0: 0.04, x1: 0.96, y0: 0.8, y1: 0.99 },
}

/**
 * The same slots on a portrait screen (a 1080×1920 kiosk): the side columns would be a fifth of a narrow
 * view, so they become two halves of a row under the centre, and the strips span the full width.
 */
export const SLOT_REGIONS_PORTRAIT: Record<ViewSlotName, SlotRegion> = {
  top: { x0: 0.02, x1: 0.98, y0: 0.01, y1: 0.1 },
  center: { x0: 0.02, x1: 0.98, y0: 0.11, y1: 0.45 },
  left: { x0: 0.02, x1: 0.49, y0: 0.46, y1: 0.66 },
  right: { x0: 0.51, x1: 0.98, y0: 0.46, y1: 0.66 },
  subtitle: { x0: 0.02, x1: 0.98, y0: 0.67, y1: 0.75 },
  bottom: { x0: 0.02, x1: 0.98, y0: 0.76, y1: 0.99 },
}

/** Whether a view of this aspect (width / height) takes the portrait arrangement. */
export function isPortrait(aspect: number): boolean {
  return aspect < 1
}

/** The regions for a view of this aspect (width / height). */
export function slotRegions(aspect: number): Record<ViewSlotName, SlotRegion> {
  return isPortrait(aspect) ? SLOT_REGIONS_PORTRAIT : SLOT_REGIONS
}

/** Where a slot is anchored inside its region when the panel is smaller than the region. */
const SLOT_ALIGN: Record<ViewSlotName, { ax: number; ay: number }> = {
  top: { ax: 0.5, ay: 0 },
  left: { ax: 0, ay: 0 },
  center: { ax: 0.5, ay: 0.5 },
  right: { ax: 1, ay: 0 },
  subtitle: { ax: 0.5, ay: 1 },
  bottom: { ax: 0.5, ay: 1 },
}

/**
 * XR's comfort frustum: what a seated or standing visitor reads without turning the head. Centred a
 * little below the horizon (people look down to read), 64° tall and wide: inside Quest 3's ~96°×110°.
 */
export const XR_COMFORT = { fovDeg: 64, aspect: 1, pitchDeg: -12 } as const

/**
 * Where the XR frame looks, in degrees above the horizon. In passthrough AR the visitor looks down at a
 * model on a real table (45–60° below the horizon at arm's length), so the frame looks level instead and
 * its bottom strip (the tour's console) stays above the model's far edge instead of covering it.
 */
export function xrFramePitchDeg(blendMode: string | undefined): number {
  return blendMode === 'alpha-blend' || blendMode === 'additive' ? 0 : XR_COMFORT.pitchDeg
}

/**
 * Where the left slot (the XR menu's) begins in XR's comfort view, in metres right of the eye (negative)
 * at `distance`: a world-fixed panel left of this stays clear of the menu while the visitor looks ahead.
 */
export function xrLeftSlotEdge(distance: number): number {
  const halfW = Math.tan((XR_COMFORT.fovDeg * Math.PI) / 360) * XR_COMFORT.aspect
  return distance * halfW * (2 * SLOT_REGIONS.left.x0 - 1)
}

/** Metres from the eye at which slot panels are drawn (desktop and XR). */
export const SLOT_DISTANCE = 1

export interface ViewFrustum {
  /** Vertical field of view in degrees. */
  fovDeg: number
  /** Width / height. */
  aspect: number
  /** Fraction of the view's height covered at the top by page controls (desktop's scene bar); 0 in XR. */
  topInset?: number
}

export interface SlotPlacement {
  /** Panel centre in the view's camera space at SLOT_DISTANCE (x right, y up, z = -distance). */
  x: number
  y: number
  z: number
  /** Uniform scale applied to the panel's design size (metres). */
  scale: number
}

/** A panel in a slot: its design size in metres and the largest scale it may be drawn at (default 1). */
export interface SlotOccupant {
  width: number
  height: number
  maxScale?: number
}

/** Space between panels stacked in one slot, as a fraction of the view's height (≈0.6° in XR). */
export const SLOT_GAP = 0.01

/**
 * Fits a panel of `width`×`height` design metres into `slot`: the largest uniform scale (at most
 * `maxScale`) that keeps the whole panel inside the region at SLOT_DISTANCE, anchored to the region's
 * edge the slot names. Pure, so the same numbers hold in tests.
 */
export function fitToSlot(
  slot: ViewSlotName,
  width: number,
  height: number,
  view: ViewFrustum,
  maxScale = 1,
): SlotPlacement {
  return stackInSlot(slot, [{ width, height, maxScale }], view)[0]
}

/**
 * Fits several panels into one slot, stacked top to bottom in the given order with SLOT_GAP between:
 * each as large as the region's width allows (at most its maxScale and `scaleCap`), then all shrunk by
 * one factor if the stack is taller than the region. The stack sits at the region's named edge, so
 * panels sharing a slot never overlap and never leave it.
 */
export function stackInSlot(
  slot: ViewSlotName,
  panels: readonly SlotOccupant[],
  view: ViewFrustum,
  scaleCap = Number.POSITIVE_INFINITY,
): SlotPlacement[] {
  const r = slotRegions(view.aspect)[slot]
  const inset = view.topInset ?? 0
  const halfH = Math.tan((view.fovDeg * Math.PI) / 360) * SLOT_DISTANCE
  const halfW = halfH * view.aspect
  // Regions below the inset are squeezed into what the page leaves free.
  const y0 = inset + r.y0 * (1 - inset)
  const y1 = inset + r.y1 * (1 - inset)
  const regionW = (r.x1 - r.x0) * 2 * halfW
  const regionH = (y1 - y0) * 2 * halfH
  const gap = panels.length > 1 ? SLOT_GAP * 2 * halfH : 0
  const gaps = gap * (panels.length - 1)
  const scales = panels.map((p) => Math.min(p.maxScale ?? 1, scaleCap, regionW / p.width, regionH / p.height))
  const stacked = panels.reduce((sum, p, i) => sum + p.height * scales[i], 0)
  if (stacked + gaps > regionH) {
    const k = Math.max(0, regionH - gaps) / stacked
    for (let i = 0; i < scales.length; i++) scales[i] *= k
  }
  const total = panels.reduce((sum, p, i) => sum + p.height * scales[i], 0) + gaps
  const { ax, ay } = SLOT_ALIGN[slot]
  const left = -halfW + r.x0 * 2 * halfW
  let top = halfH - y0 * 2 * halfH - (regionH - total) * ay
  return panels.map((p, i) => {
    const scale = scales[i]
    const w = p.width * scale
    const h = p.height * scale
    const placement = { x: left + (regionW - w) * ax + w / 2, y: top - h / 2, z: -SLOT_DISTANCE, scale }
    top -= h + gap
    return placement
  })
}
