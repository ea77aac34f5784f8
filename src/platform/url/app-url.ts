// The app's address is its state: which scene, which language, kiosk mode, diagnostics. Parsing and
// formatting live here so deep links, the back button and tests all agree.

import { ID_PATTERN } from '../../shared/scene-id'

export type Lang = 'zh' | 'en'

export interface AppRoute {
  /** Scene id, or undefined for the lobby. */
  scene?: string
  lang: Lang
  kiosk: boolean
  /** Kiosk idle time before the reset, in seconds (`?kiosk=90`); undefined for the default. */
  kioskIdleSeconds?: number
  diag: boolean
  /** The venue's operator console (`?operator`); the page is staff's, not a device's. */
  operator: boolean
  /** External MQTT broker URL for the twin kind (`?mqtt=`). */
  mqtt?: string
  /**
   * The spectator big screen (`?spectate=<deviceId>`, or `?spectate` to cycle between active devices):
   * a staff page that shows what a visitor sees; null when the page is not one.
   */
  spectate: { deviceId: string | null } | null
  /**
   * Draw the desktop view at this fraction of the screen's pixels (`?renderScale=0.5`, 0.25–1): for a
   * kiosk PC whose graphics cannot keep up at full resolution. Panels, text sizes and clicks are laid out
   * in screen pixels as before; only the picture is coarser. A headset keeps its own resolution.
   */
  renderScale?: number
}

export function parseAppUrl(search: string): AppRoute {
  const params = new URLSearchParams(search)
  const scene = params.get('scene')?.trim().toLowerCase() || undefined
  const lang = params.get('lang') === 'en' ? 'en' : 'zh'
  const mqtt = params.get('mqtt') || undefined
  return {
    // A malformed id is kept so the app can say "not found" rather than silently showing the lobby.
    scene: scene && (ID_PATTERN.test(scene) ? scene : scene.slice(0, 64)),
    lang,
    kiosk: isOn(params.get('kiosk')) || kioskSeconds(params.get('kiosk')) !== undefined,
    kioskIdleSeconds: kioskSeconds(params.get('kiosk')),
    diag: isOn(params.get('diag')),
    operator: params.has('operator') && params.get('operator') !== '0',
    mqtt,
    spectate: params.has('spectate') ? { deviceId: deviceIdParam(params.get('spectate')) } : null,
    renderScale: renderScaleParam(params.get('renderScale')),
  }
}

/** A render scale from 0.25 to 1; anything else is ignored (full resolution). */
function renderScaleParam(value: string | null): number | undefined {
  if (!value || !/^(0(\.\d+)?|1(\.0+)?)$/.test(value)) return undefined
  const scale = Number(value)
  return scale >= 0.25 && scale < 1 ? scale : undefined
}

/** A device id as the venue gives them; anything else means "cycle". */
function deviceIdParam(value: string | null): string | null {
  return value && /^[A-Za-z0-9_-]{8,64}$/.test(value) ? value : null
}

export function formatAppUrl(route: Partial<AppRoute>): string {
  const params = new URLSearchParams()
  if (route.scene) params.set('scene', route.scene)
  if (route.lang && route.lang !== 'zh') params.set('lang', route.lang)
  if (route.kiosk) params.set('kiosk', route.kioskIdleSeconds ? String(route.kioskIdleSeconds) : '1')
  if (route.diag) params.set('diag', '1')
  if (route.operator) params.set('operator', '')
  if (route.mqtt) params.set('mqtt', route.mqtt)
  if (route.spectate) params.set('spectate', route.spectate.deviceId ?? '')
  if (route.renderScale) params.set('renderScale', String(route.renderScale))
  const query = params.toString()
  return query ? `?${query}` : '?'
}

export function isValidSceneId(id: string): boolean {
  return ID_PATTERN.test(id)
}

/** `?kiosk=<seconds>` sets the idle time: 10 s (a quick demo loop) to an hour. */
function kioskSeconds(value: string | null): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined
  const seconds = Number(value)
  return seconds >= 10 && seconds <= 3600 ? seconds : undefined
}

function isOn(value: string | null): boolean {
  return value === '1' || value === 'true' || value === 'yes'
}
