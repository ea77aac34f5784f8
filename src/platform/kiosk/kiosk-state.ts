// The kiosk's running state and the actions behind kiosk-phase.ts: the reset between visitors, the
// attract loop's walk through the shipped scenes, and the landing in the lobby when a visitor arrives.
// Attract opens each scene through the route like a visitor's navigation does, so a scene it leaves is
// unmounted and disposed by the same code. The kiosk's typed debug view reads `kioskDebug`.
import { create } from 'zustand'
import { stopNarration } from '../audio/narration'
import { applyWaitingUpdate } from '../offline'
import { useSceneCatalog } from '../scenes/scene-catalog'
import { useSettings } from '../settings/settings-store'
import type { Lang } from '../url/app-url'
import { useRoute } from '../url/route-store'
import { resetVisit } from '../visit'
import { exitXR, useXRSession } from '../xr/xr-session'
import { type KioskAction, type KioskEvent, type KioskPhase, kioskTransition } from './kiosk-phase'

/** Where a shot of the attract loop is: the scene loading (veiled), on show, or fading to the next. */
export type ShotStage = 'loading' | 'showing' | 'ending'

interface KioskState {
  phase: KioskPhase
  /** The scene the attract loop is showing, or null outside attract. */
  attractScene: string | null
  shot: ShotStage
  /** Shots begun since the page loaded; alternates the camera's direction. */
  shots: number
}

export const useKiosk = create<KioskState>(() => ({
  phase: 'visitor',
  attractScene: null,
  shot: 'loading',
  shots: 0,
}))

export interface KioskDebugView {
  idleMs: number
  headsetOffMs: number
  /** Checks run so far, and how many found the headset worn. */
  checks: number
  wornChecks: number
  resets: number
  phase: KioskPhase
  attractScene: string | null
  shot: ShotStage
  /** Attract loops begun and scenes shown in them since the page loaded. */
  attractStarts: number
  attractScenes: number
  /** The CSS cursor over the middle of the page (`none` while attract plays). */
  cursor: string
  fullscreen: 'off' | 'on' | 'refused' | 'unsupported'
  /** Fullscreen and wake-lock requests made (on user gestures), and the lock's state. */
  fullscreenRequests: number
  wakeLock: 'off' | 'held' | 'refused' | 'unsupported'
  wakeLockRequests: number
  staffPrompt: 'closed' | 'open' | 'checking' | 'wrong' | 'locked' | 'failed'
}

declare global {
  interface XrShowcaseDebugViews {
    kiosk: KioskDebugView
  }
}

/** Counters and states the debug view reports, written where they happen. */
export const kioskDebug = {
  idleMs: 0,
  headsetOffMs: 0,
  checks: 0,
  wornChecks: 0,
  resets: 0,
  attractStarts: 0,
  attractScenes: 0,
  fullscreen: 'off' as KioskDebugView['fullscreen'],
  fullscreenRequests: 0,
  wakeLock: 'off' as KioskDebugView['wakeLock'],
  wakeLockRequests: 0,
  staffPrompt: 'closed' as KioskDebugView['staffPrompt'],
}

export function kioskDebugView(): KioskDebugView {
  const { phase, attractScene, shot } = useKiosk.getState()
  const middle = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2)
  return {
    ...kioskDebug,
    phase,
    attractScene,
    shot,
    cursor: middle ? getComputedStyle(middle).cursor : '',
  }
}

/**
 * Resets for the next visitor now (the operator console's "reset"): the attract loop, if it plays,
 * ends first, and the next visitor starts as a first-time visitor in the venue's lobby.
 */
export function resetKiosk(): void {
  if (useKiosk.getState().phase === 'attract') dispatchKiosk({ type: 'stop-attract' })
  resetForNextVisitor()
}

/** What the idle timeout does: the next visitor starts as a first-time visitor in the venue's lobby. */
function resetForNextVisitor(): void {
  kioskDebug.resets++
  void exitXR().catch(() => {
    // Already ending: the lobby below is what matters.
  })
  landInLobby()
  // Between visitors is the moment for a version staff deployed.
  applyWaitingUpdate()
}

/** The kiosk's language between visitors: the one its address opened with (Chinese unless `&lang=en`). */
let venueLang: Lang = 'zh'

export function setVenueLang(lang: Lang): void {
  venueLang = lang
}

/** The lobby in the venue's language with the venue's defaults, nothing of the last visit kept. */
function landInLobby(): void {
  stopNarration()
  useSettings.getState().reset()
  resetVisit()
  useRoute.getState().replace({ scene: undefined, lang: venueLang, diag: false })
}

/** Feeds an event to the kiosk's state machine and runs what it decides. */
export function dispatchKiosk(event: KioskEvent): void {
  const { phase, actions } = kioskTransition(useKiosk.getState().phase, event)
  useKiosk.setState({ phase })
  for (const action of actions) run(action)
}

function run(action: KioskAction): void {
  switch (action) {
    case 'reset':
      resetForNextVisitor()
      break
    case 'land':
      landInLobby()
      break
    case 'begin-attract':
      kioskDebug.attractStarts++
      nextAttractScene()
      break
    case 'end-attract':
      useKiosk.setState({ attractScene: null, shot: 'loading' })
  }
}

/** Starts the attract loop now (the operator console's command); a no-op in a headset session. */
export function startAttract(): void {
  if (useXRSession.getState().mode) return
  dispatchKiosk({ type: 'start-attract' })
}

/** Ends the attract loop: the lobby with the defaults, ready for a visitor. */
export function stopAttract(): void {
  dispatchKiosk({ type: 'stop-attract' })
}

/** Shows the next shipped scene in the loop (each loop continues where the last one stopped). */
export function nextAttractScene(): void {
  if (useKiosk.getState().phase !== 'attract') return
  const scenes = useSceneCatalog
    .getState()
    .entries.filter((e) => e.status === 'ok')
    .map((e) => e.id)
  const { attractScene, shots } = useKiosk.getState()
  if (scenes.length === 0) {
    // Nothing to fly through (the list is still loading or every scene is broken): the call alone.
    useKiosk.setState({ attractScene: null, shot: 'showing' })
    return
  }
  const previous = attractScene ? scenes.indexOf(attractScene) : (shots - 1) % scenes.length
  const next = scenes[(previous + 1) % scenes.length] as string
  kioskDebug.attractScenes++
  useKiosk.setState({ attractScene: next, shot: 'loading', shots: shots + 1 })
  stopNarration()
  useRoute.getState().replace({ scene: next, diag: false })
}
