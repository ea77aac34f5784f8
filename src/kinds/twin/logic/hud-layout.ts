// Where the twin's HUD panels go so that all of them are inside the view and none covers another, at
// any window shape: a flat plane facing the visitor at a fixed distance, cut into slots that are
// reserved whether their panel is shown or not (a panel appearing never moves another under the
// pointer). Landscape: alerts and the inspection card on the left, the asset panel on the right, the
// confirmation in the middle above the status bar. Portrait: one column. The slots are scaled down
// together when the view is too small for them.

import { DESKTOP_VFOV_DEG } from '../../../platform/render'

/** A panel's largest size in metres at scale 1. */
export interface Box {
  w: number
  h: number
}

export type HudSlot = 'alerts' | 'inspection' | 'asset' | 'confirm' | 'status'

/** A slot in the HUD plane: centre (metres right of / above the eye) and size, already scaled. */
export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

export interface HudView {
  /** Width / height of the picture. */
  aspect: number
  /** Vertical field of view, degrees. */
  vFovDeg: number
  /** Distance of the HUD plane from the eye, metres. */
  distance: number
  /** Fraction of the picture's height kept free at the top (the page's own header on a desktop). */
  topInset?: number
  /**
   * Metres right of the eye that the left column must end left of: in a headset the platform's menu
   * stands in the left slot of its comfort view, which the left column would otherwise cover.
   */
  leftColumnEndsBefore?: number
}

export interface HudLayout {
  /** Scale applied to every panel (≤ 1). */
  scale: number
  slots: Record<HudSlot, Rect>
  /** Half the visible width and height of the HUD plane. */
  halfW: number
  halfH: number
  portrait: boolean
}

/** The HUD plane's distance from the eye: near enough to read and reach with a ray, far enough to focus. */
export const HUD_DISTANCE = 1.2
/**
 * In a headset the field of view is wider than any window; the HUD is laid out as for a wide desktop
 * window, a cockpit the visitor turns the head to read. TwinHud adds where the XR menu's slot begins
 * (`xrLeftSlotEdge`), which the left column stays clear of.
 */
export const XR_VIEW: HudView = {
  aspect: 1.8,
  vFovDeg: DESKTOP_VFOV_DEG,
  distance: HUD_DISTANCE,
}

/** Space kept free at the view's edges and between slots, as a fraction of the visible height. */
const MARGIN = 0.03
const GAP = 0.02

/**
 * The HUD's type sizes in metres at scale 1. `body` is the smallest text a visitor reads on it: at the
 * smallest scale this layout gives (≈0.78 on a 1080×1920 kiosk) and at a side column's far edge it still
 * subtends the platform's 0.9° (the layout rule test measures every state; 0.026–0.03 read 0.5–0.8°).
 */
export const HUD_TEXT = { body: 0.037, heading: 0.046 } as const

/** Each panel's largest size (views import these so the slot and the panel agree). */
export const HUD_BOXES: Record<HudSlot, Box> = {
  // As wide as the inspection card under it (the column's width), for the alert rows' text.
  alerts: { w: 0.9, h: 0.62 },
  inspection: { w: 0.9, h: 0.44 },
  asset: { w: 0.96, h: 1.06 },
  confirm: { w: 0.8, h: 0.34 },
  // Under the columns, so wider than their gap; as wide as XR's comfort field (±32°) allows.
  status: { w: 1.44, h: 0.36 },
}

export function layoutHud(view: HudView, boxes: Record<HudSlot, Box> = HUD_BOXES): HudLayout {
  const halfH = view.distance * Math.tan(((view.vFovDeg / 2) * Math.PI) / 180)
  const halfW = halfH * view.aspect
  const margin = MARGIN * 2 * halfH
  const gap = GAP * 2 * halfH
  const availW = 2 * halfW - 2 * margin
  const inset = (view.topInset ?? 0) * 2 * halfH
  const availH = 2 * halfH - 2 * margin - inset
  const { alerts, inspection, asset, confirm, status } = boxes
  const leftW = Math.max(alerts.w, inspection.w)
  const leftH = alerts.h + inspection.h
  // Landscape: three columns over the status bar.
  const wideW = leftW + confirm.w + asset.w
  const wideH = Math.max(leftH, asset.h, confirm.h) + status.h
  const wideScale = Math.min(1, (availW - 2 * gap) / wideW, (availH - 2 * gap) / wideH)
  // Portrait: one column, top to bottom.
  const order: HudSlot[] = ['asset', 'confirm', 'alerts', 'inspection', 'status']
  const tallW = Math.max(...order.map((s) => boxes[s].w))
  const tallH = order.reduce((sum, s) => sum + boxes[s].h, 0)
  const tallScale = Math.min(1, availW / tallW, (availH - (order.length - 1) * gap) / tallH)
  const portrait = tallScale > wideScale
  const slots = {} as Record<HudSlot, Rect>
  const place = (slot: HudSlot, left: number, top: number, s: number) => {
    const w = boxes[slot].w * s
    const h = boxes[slot].h * s
    slots[slot] = { x: left + w / 2, y: top - h / 2, w, h }
  }
  if (portrait) {
    const s = tallScale
    let top = halfH - margin - inset
    for (const slot of order) {
      place(slot, -(boxes[slot].w * s) / 2, top, s)
      top -= boxes[slot].h * s + gap
    }
    return { scale: s, slots, halfW, halfH, portrait }
  }
  const s = wideScale
  const top = halfH - margin - inset
  const bottom = -halfH + margin
  // The columns spread to the view's edges: the middle stays open onto the park.
  // The XR menu faces the eye and trails the head's yaw: twice the gap keeps its edge clear.
  const left = Math.min(
    -halfW + margin,
    (view.leftColumnEndsBefore ?? Number.POSITIVE_INFINITY) - 2 * gap - leftW * s,
  )
  place('alerts', left, top, s)
  place('inspection', left, top - alerts.h * s - gap, s)
  place('asset', halfW - margin - asset.w * s, top, s)
  // Centred under the middle: in a headset that is inside the comfort field, below the XR menu's slot.
  place('status', -(status.w * s) / 2, bottom + status.h * s, s)
  place('confirm', -(confirm.w * s) / 2, bottom + status.h * s + gap + confirm.h * s, s)
  return { scale: s, slots, halfW, halfH, portrait }
}

/** Whether two rects overlap (touching edges do not). */
export function overlaps(a: Rect, b: Rect): boolean {
  return Math.abs(a.x - b.x) * 2 < a.w + b.w && Math.abs(a.y - b.y) * 2 < a.h + b.h
}
