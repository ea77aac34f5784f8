// The twin's HUD as a platform dashboard (platform/ui dashboard-layout.ts): which panel goes where and
// each panel's largest size. Landscape: alerts and the inspection card in the left column, the asset
// panel in the right one, the status bar along the bottom and the confirmation above it. Portrait: one
// column.

import type { DashboardBox, DashboardPlan } from '../../../platform/ui'

export type HudSlot = 'alerts' | 'inspection' | 'asset' | 'confirm' | 'status'

/**
 * The HUD's type sizes in metres at scale 1. `body` is the smallest text a visitor reads on it: at the
 * smallest scale the dashboard gives (≈0.78 on a 1080×1920 kiosk) and at a side column's far edge it
 * still subtends the platform's 0.9° (the layout rule test measures every state; 0.026–0.03 read 0.5–0.8°).
 */
export const HUD_TEXT = { body: 0.037, heading: 0.046 } as const

/** Each panel's largest size (views import these so the slot and the panel agree). */
export const HUD_BOXES: Record<HudSlot, DashboardBox> = {
  // As wide as the inspection card under it (the column's width), for the alert rows' text.
  alerts: { w: 0.9, h: 0.62 },
  inspection: { w: 0.9, h: 0.44 },
  asset: { w: 0.96, h: 1.06 },
  confirm: { w: 0.8, h: 0.34 },
  // Under the columns, so wider than their gap; as wide as XR's comfort field (±32°) allows.
  status: { w: 1.44, h: 0.36 },
}

export const HUD_PLAN: DashboardPlan<HudSlot> = {
  boxes: HUD_BOXES,
  left: ['alerts', 'inspection'],
  right: ['asset'],
  footer: 'status',
  middle: ['confirm'],
  portrait: ['asset', 'confirm', 'alerts', 'inspection', 'status'],
}
