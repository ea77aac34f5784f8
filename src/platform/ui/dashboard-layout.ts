// The platform's second arrangement of panels, beside the view slots (view-slots.ts): a dashboard a kind
// carries with the visitor like a cockpit, for panels too wide for a fifth of the view (the twin's
// alert list and asset panel). It is a flat plane facing the visitor at a fixed distance, cut into
// slots that are reserved whether their panel is shown or not, so a panel appearing never moves
// another under the pointer. Landscape: a left and a right column at the view's edges (the middle stays
// open onto the scene), a footer under them and a middle stack above the footer. Portrait: one
// column. All slots share one scale, shrunk together when the view is too small. Pure maths.

import { DESKTOP_VFOV_DEG } from '../render/desktop-fov'
import { xrLeftSlotEdge } from './view-slots'

/** A panel's largest size in metres at scale 1. */
export interface DashboardBox {
  w: number
  h: number
}

/** Which panel goes where; every slot appears in `portrait` and in exactly one landscape place. */
export interface DashboardPlan<S extends string> {
  boxes: Record<S, DashboardBox>
  /** The left column, top to bottom. */
  left: readonly S[]
  /** The right column, top to bottom. */
  right: readonly S[]
  /** Centred along the bottom edge, under the columns (a status bar); optional. */
  footer?: S
  /** Centred above the footer, bottom up (a confirmation). */
  middle: readonly S[]
  /** A portrait view's one column, top to bottom. */
  portrait: readonly S[]
}

/** A slot in the dashboard plane: centre (metres right of / above the eye) and size, already scaled. */
export interface DashboardRect {
  x: number
  y: number
  w: number
  h: number
}

export interface DashboardView {
  /** Width / height of the picture. */
  aspect: number
  /** Vertical field of view, degrees. */
  vFovDeg: number
  /** Distance of the plane from the eye, metres. */
  distance: number
  /** Fraction of the picture's height kept free at the top (the page's own header on a desktop). */
  topInset?: number
  /** Metres right of the eye that the left column must end left of (the XR menu's slot). */
  leftColumnEndsBefore?: number
}

export interface DashboardLayout<S extends string> {
  /** Scale applied to every panel (≤ 1). */
  scale: number
  slots: Record<S, DashboardRect>
  /** Half the visible width and height of the plane. */
  halfW: number
  halfH: number
  portrait: boolean
}

/** The plane's distance from the eye: near enough to read and reach with a ray, far enough to focus. */
export const DASHBOARD_DISTANCE = 1.2

/**
 * In a headset the field of view is wider than any window: the dashboard is laid out as for a wide
 * desktop window, a cockpit the visitor turns the head to read, with the left column clear of the
 * platform's left view slot (the XR menu's) while the visitor looks ahead. Not wider: the right column's
 * far side is read 45° off-axis, where its text is seen smaller (at 1.8 the twin's English readings
 * measured 0.899°, under the 0.9° floor).
 */
export const XR_DASHBOARD_VIEW: DashboardView = {
  aspect: 1.7,
  vFovDeg: DESKTOP_VFOV_DEG,
  distance: DASHBOARD_DISTANCE,
  leftColumnEndsBefore: xrLeftSlotEdge(DASHBOARD_DISTANCE),
}

/** Space kept free at the view's edges and between slots, as a fraction of the visible height. */
const MARGIN = 0.03
const GAP = 0.02

export function layoutDashboard<S extends string>(
  view: DashboardView,
  plan: DashboardPlan<S>,
): DashboardLayout<S> {
  const { boxes } = plan
  const halfH = view.distance * Math.tan(((view.vFovDeg / 2) * Math.PI) / 180)
  const halfW = halfH * view.aspect
  const margin = MARGIN * 2 * halfH
  const gap = GAP * 2 * halfH
  const availW = 2 * halfW - 2 * margin
  const inset = (view.topInset ?? 0) * 2 * halfH
  const availH = 2 * halfH - 2 * margin - inset
  const width = (list: readonly S[]) => Math.max(0, ...list.map((s) => boxes[s].w))
  const height = (list: readonly S[]) => list.reduce((sum, s) => sum + boxes[s].h, 0)
  const footerH = plan.footer === undefined ? 0 : boxes[plan.footer].h
  // Landscape: three columns over the footer, each stack with a gap between its panels and above the footer.
  const wideW = width(plan.left) + width(plan.middle) + width(plan.right)
  let wideScale = Math.min(1, (availW - 2 * gap) / wideW)
  for (const stack of [plan.left, plan.right, plan.middle]) {
    const gaps = stack.length - 1 + (plan.footer === undefined ? 0 : 1)
    const h = height(stack) + footerH
    if (h > 0) wideScale = Math.min(wideScale, (availH - Math.max(0, gaps) * gap) / h)
  }
  const tallScale = Math.min(
    1,
    availW / width(plan.portrait),
    (availH - (plan.portrait.length - 1) * gap) / height(plan.portrait),
  )
  const portrait = tallScale > wideScale
  const slots = {} as Record<S, DashboardRect>
  const place = (slot: S, left: number, top: number, s: number) => {
    const w = boxes[slot].w * s
    const h = boxes[slot].h * s
    slots[slot] = { x: left + w / 2, y: top - h / 2, w, h }
  }
  const top = halfH - margin - inset
  if (portrait) {
    const s = tallScale
    let y = top
    for (const slot of plan.portrait) {
      place(slot, -(boxes[slot].w * s) / 2, y, s)
      y -= boxes[slot].h * s + gap
    }
    return { scale: s, slots, halfW, halfH, portrait }
  }
  const s = wideScale
  const bottom = -halfH + margin
  // The columns spread to the view's edges: the middle stays open onto the scene. The XR menu faces
  // the eye and trails the head's yaw: twice the gap keeps its edge clear.
  const left = Math.min(
    -halfW + margin,
    (view.leftColumnEndsBefore ?? Number.POSITIVE_INFINITY) - 2 * gap - width(plan.left) * s,
  )
  let y = top
  for (const slot of plan.left) {
    place(slot, left, y, s)
    y -= boxes[slot].h * s + gap
  }
  y = top
  for (const slot of plan.right) {
    place(slot, halfW - margin - boxes[slot].w * s, y, s)
    y -= boxes[slot].h * s + gap
  }
  // Centred under the middle: in a headset that is inside the comfort field, below the XR menu's slot.
  y = bottom
  if (plan.footer !== undefined) {
    place(plan.footer, -(boxes[plan.footer].w * s) / 2, bottom + footerH * s, s)
    y = bottom + footerH * s + gap
  }
  for (const slot of plan.middle) {
    place(slot, -(boxes[slot].w * s) / 2, y + boxes[slot].h * s, s)
    y += boxes[slot].h * s + gap
  }
  return { scale: s, slots, halfW, halfH, portrait }
}

/** Whether two rects overlap (touching edges do not). */
export function dashboardRectsOverlap(a: DashboardRect, b: DashboardRect): boolean {
  return Math.abs(a.x - b.x) * 2 < a.w + b.w && Math.abs(a.y - b.y) * 2 < a.h + b.h
}
