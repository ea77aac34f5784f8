// Comfort and display settings. Comfort (turning, walking, seated, volume, subtitles, speed) persists
// per device in localStorage; large text / high contrast is the visitor's own choice and lasts for the
// visit only (sessionStorage through the visit service), so the next visitor at a kiosk does not
// inherit it. A scene may add large text while it is open (the hall's elderly mode): that part lives
// in the visit service (`setSceneLargeText`), is never stored here, and ends with the scene. Defaults are the comfortable
// ones: teleport plus 30° snap turn, standing mode, normal text.
import { z } from 'zod'
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { onVisitReset, readVisitEntry, useSceneDisplay, writeVisitEntry } from '../visit'

export interface TurnSettings {
  mode: 'snap' | 'smooth'
  /** Snap angle in degrees: 30 (default) or 45. */
  degrees: 30 | 45
}

export interface Settings {
  turn: TurnSettings
  /** Thumbstick walking (off by default), shown with a comfort vignette. */
  smoothLocomotion: boolean
  /** Lifts the view to standing eye height for seated visitors. */
  seated: boolean
  /** Narration volume 0..1. */
  volume: number
  /** Subtitle size multiplier. */
  subtitleScale: number
  /** Larger text and higher contrast for older visitors: this visitor's choice, kept for the visit. */
  largeText: boolean
  /** Narration speed multiplier: slower for older visitors and learners, faster for repeat visitors. */
  narrationRate: NarrationRate
}

export const NARRATION_RATES = [0.75, 1, 1.25] as const
export type NarrationRate = (typeof NARRATION_RATES)[number]

export const defaultSettings: Settings = {
  turn: { mode: 'snap', degrees: 30 },
  smoothLocomotion: false,
  seated: false,
  volume: 0.9,
  subtitleScale: 1,
  largeText: false,
  narrationRate: 1,
}

interface SettingsState extends Settings {
  update(change: Partial<Settings>): void
  reset(): void
}

export const SETTINGS_STORAGE_KEY = 'xr-showcase:settings'
/** The visit entry (sessionStorage) holding the visitor's display choice. */
export const DISPLAY_VISIT_KEY = 'display'
const DisplayEntry = z.object({ largeText: z.boolean() })

export const useSettings = create<SettingsState>()(
  persist(
    (set) => ({
      ...defaultSettings,
      largeText: readVisitEntry(DISPLAY_VISIT_KEY, DisplayEntry)?.largeText ?? false,
      update: (change) => set(change),
      reset: () => set(defaultSettings),
    }),
    {
      name: SETTINGS_STORAGE_KEY,
      version: 1,
      // Only the device's comfort settings go to localStorage; large text belongs to the visit.
      partialize: ({ largeText: _l, update: _u, reset: _r, ...device }) => device,
      // A damaged or older entry falls back to defaults field by field instead of breaking the app.
      merge: (persisted, current) => ({ ...current, ...sanitizeSettings(persisted) }),
    },
  ),
)

// The visitor's large-text choice follows them through the visit (a reload keeps it) and no further.
useSettings.subscribe((s, prev) => {
  if (s.largeText !== prev.largeText) writeVisitEntry(DISPLAY_VISIT_KEY, { largeText: s.largeText })
})
onVisitReset(() => useSettings.setState({ largeText: false }))

/** Large text as every view should apply it: the visitor's choice, or the open scene's. */
export function useLargeText(): boolean {
  const own = useSettings((s) => s.largeText)
  const scene = useSceneDisplay((s) => s.largeText)
  return own || scene
}

/** The device's stored settings, field by field; large text is not among them (see DISPLAY_VISIT_KEY). */
export function sanitizeSettings(value: unknown): Partial<Settings> {
  if (!value || typeof value !== 'object') return {}
  const v = value as Record<string, unknown>
  const out: Partial<Settings> = {}
  const turn = v.turn as Partial<TurnSettings> | undefined
  if (
    turn &&
    (turn.mode === 'snap' || turn.mode === 'smooth') &&
    (turn.degrees === 30 || turn.degrees === 45)
  ) {
    out.turn = { mode: turn.mode, degrees: turn.degrees }
  }
  if (typeof v.smoothLocomotion === 'boolean') out.smoothLocomotion = v.smoothLocomotion
  if (typeof v.seated === 'boolean') out.seated = v.seated
  if (typeof v.volume === 'number' && v.volume >= 0 && v.volume <= 1) out.volume = v.volume
  if (typeof v.subtitleScale === 'number' && v.subtitleScale >= 0.75 && v.subtitleScale <= 2) {
    out.subtitleScale = v.subtitleScale
  }
  if (NARRATION_RATES.includes(v.narrationRate as NarrationRate))
    out.narrationRate = v.narrationRate as NarrationRate
  return out
}
