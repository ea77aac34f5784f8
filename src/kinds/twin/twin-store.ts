// What the twin's React UI re-renders on (selection, a new alert, a dialog, a replay toggle, the stale
// flag), and every action that changes it. Views call these actions; none writes the store itself.
// High-frequency values stay in the runtime's buffers; `syncFromRuntime` copies over only what changed.
// Over 300 lines on purpose: the kind's one store with all its actions (the layout every kind shares).
import { z } from 'zod'
import { create } from 'zustand'
import { localize } from '../../platform/i18n'
import { teleportPlayer } from '../../platform/locomotion'
import type { DataSourceKind } from '../../platform/realtime'
import { useRoute } from '../../platform/url'
import { keepSceneState, readSceneState } from '../../platform/visit'
import type { TwinContent, TwinControlId } from '../../schema/kinds/twin'
import type { TwinAlert } from '../../shared/twin/alert-engine'
import { fetchDayHistory, saveInspection } from './api'
import { type AssetBadgeState, nextBadges } from './logic/asset-badges'
import { type InspectionItem, inspectStop, reportBody } from './logic/inspection-route'
import { inspectionSpeech } from './logic/spoken-lines'
import type { TwinRuntime } from './logic/twin-runtime'
import { requireOperator } from './twin-access'
import { twinStrings } from './twin-strings'
import { speakInspection } from './twin-voice'

export type { AssetBadgeState } from './logic/asset-badges'

export interface TwinUiState {
  sourceKind: DataSourceKind | null
  sourceLabel: string
  stale: boolean
  alerts: TwinAlert[]
  /** Per asset: rule tint, badge texts (joined, per language) and alarm level; replaced only when changed. */
  badges: Readonly<Record<string, AssetBadgeState>>
  selected: string | null
  confirm: { assetId: string; control: TwinControlId; value: number } | null
  replay: { active: boolean; loading: boolean; message: string | null; speed: number; playing: boolean }
  inspection: {
    active: boolean
    index: number
    startedAt: number
    items: InspectionItem[]
    saving: boolean
    savedId: number | null
    /** The saved report's CSV on the server's LAN address (for the card's QR code), if it has one. */
    savedLanUrl: string | null
    error: string | null
  }
  commandsVersion: number
  /** Field sensors in the latest batch (0: the park publishes none); changes rarely. */
  fieldSensors: number
  /** The operator's field-sensor layer switch. */
  sensorsShown: boolean
}

export const initialTwinUi = (): TwinUiState => ({
  sourceKind: null,
  sourceLabel: '',
  stale: false,
  alerts: [],
  badges: {},
  selected: null,
  confirm: null,
  replay: { active: false, loading: false, message: null, speed: 60, playing: false },
  inspection: {
    active: false,
    index: 0,
    startedAt: 0,
    items: [],
    saving: false,
    savedId: null,
    savedLanUrl: null,
    error: null,
  },
  commandsVersion: 0,
  fieldSensors: 0,
  sensorsShown: true,
})

export const useTwinUi = create<TwinUiState>(initialTwinUi)

const set = useTwinUi.setState
const get = useTwinUi.getState

export const currentLang = (): 'zh' | 'en' => useRoute.getState().lang

export function resetTwinUi(): void {
  set(initialTwinUi())
}

// ---- what a reload keeps (the visit service's sessionStorage) --------------------------------------

const SavedTwin = z.object({
  selected: z.string().nullable(),
  sensorsShown: z.boolean(),
  /** The replay clock (epoch ms) and how it was running, or null when live. */
  replay: z.object({ t: z.number(), speed: z.number().positive(), playing: z.boolean() }).nullable(),
})
type SavedTwin = z.infer<typeof SavedTwin>

/**
 * Saves the selected asset, the sensor layer switch and the replay position whenever the store
 * changes and when the page goes away (the replay clock moves in the runtime, not the store).
 * Returns the stop function for the kind's cleanup.
 */
export function persistTwin(runtime: TwinRuntime): () => void {
  return keepSceneState(
    useTwinUi,
    'twin',
    (s): SavedTwin => ({
      selected: s.selected,
      sensorsShown: s.sensorsShown,
      replay:
        s.replay.active && runtime.replay
          ? { t: runtime.replay.t, speed: runtime.replay.speed, playing: runtime.replay.playing }
          : null,
    }),
  )
}

/** Puts back what persistTwin saved: the selection at once, a replay once its day is loaded again. */
export async function restoreTwin(runtime: TwinRuntime, twin: TwinContent): Promise<void> {
  const saved = readSceneState('twin', SavedTwin)
  if (!saved) return
  const selected = saved.selected && twin.assets.some((a) => a.id === saved.selected) ? saved.selected : null
  set({ selected, sensorsShown: saved.sensorsShown })
  if (!saved.replay) return
  await startReplay(runtime, twin)
  const r = runtime.replay
  if (!r) return
  runtime.seekReplay(saved.replay.t)
  r.speed = saved.replay.speed
  r.playing = saved.replay.playing
  setReplay({ speed: saved.replay.speed, playing: saved.replay.playing })
}

export function setDataSource(kind: DataSourceKind, label: string): void {
  set({ sourceKind: kind, sourceLabel: label })
}

/** Opens the asset panel of one asset (null closes it). */
export function selectAsset(assetId: string | null): void {
  set({ selected: assetId })
}

export function toggleFieldSensors(): void {
  set((s) => ({ sensorsShown: !s.sensorsShown }))
}

// ---- per frame, from the runtime --------------------------------------------------------------------

/** What the last sync saw of the runtime, so a frame with nothing new costs a few comparisons. */
const seen = {
  runtime: null as TwinRuntime | null,
  alerts: -1,
  replayAlerts: -1,
  replay: false,
  commands: -1,
  revision: -1,
}

/**
 * Copies what a viewer sees from the runtime into the store, each piece only when it changed: the stale
 * flag, the alert list, the sensor count, command states, the badges and the end of a replay. Called
 * once per frame; allocates nothing unless something changed.
 */
export function syncFromRuntime(runtime: TwinRuntime, now: number): void {
  if (seen.runtime !== runtime)
    Object.assign(seen, { runtime, alerts: -1, replayAlerts: -1, commands: -1, revision: -1 })
  const ui = get()
  const stale = runtime.isStale(now)
  if (stale !== ui.stale) set({ stale })
  const replaying = runtime.replay !== null
  const engine = runtime.alerts
  if (engine.version !== (replaying ? seen.replayAlerts : seen.alerts) || replaying !== seen.replay) {
    seen.alerts = runtime.liveAlerts.version
    seen.replayAlerts = runtime.replayAlerts.version
    seen.replay = replaying
    set({ alerts: engine.active().map((a) => ({ ...a })) })
  }
  if (runtime.fieldSensors.count !== ui.fieldSensors) set({ fieldSensors: runtime.fieldSensors.count })
  if (runtime.commands.version !== seen.commands) {
    seen.commands = runtime.commands.version
    set((s) => ({ commandsVersion: s.commandsVersion + 1 }))
  }
  if (runtime.revision !== seen.revision) {
    seen.revision = runtime.revision
    const badges = nextBadges(runtime.twin.assets, runtime.looks, (id) => engine.levelOf(id), ui.badges)
    if (badges !== ui.badges) set({ badges })
    // Playback reached the end of the record.
    if (ui.replay.playing && runtime.replay && !runtime.replay.playing)
      set((s) => ({ replay: { ...s.replay, playing: false } }))
  }
}

// ---- alerts and commands ----------------------------------------------------------------------------

export function ackAlert(runtime: TwinRuntime, key: string): void {
  runtime.alerts.ack(key, Date.now())
  set({ alerts: runtime.alerts.active().map((a) => ({ ...a })) })
}

/** A control press asks first; nothing is sent before the visitor confirms. */
export function askToConfirm(assetId: string, control: TwinControlId, value: number): void {
  set({ confirm: { assetId, control, value } })
}

export function cancelConfirm(): void {
  set({ confirm: null })
}

/** Sends the confirmed command; on the park server it first asks for the operator code (twin-access.ts). */
export function confirmCommand(runtime: TwinRuntime): void {
  const confirm = get().confirm
  if (!confirm) return
  set({ confirm: null })
  void requireOperator(runtime).then(
    () => {
      void runtime.sendCommand(confirm.assetId, confirm.control, confirm.value)
      set((s) => ({ commandsVersion: s.commandsVersion + 1 }))
    },
    () => undefined,
  )
}

// ---- replay -----------------------------------------------------------------------------------------

const setReplay = (patch: Partial<TwinUiState['replay']>) =>
  set((s) => ({ replay: { ...s.replay, ...patch } }))

/** Loads the last 24 h from the server and plays it at 60×; an empty or failed load says so. */
export async function startReplay(runtime: TwinRuntime, twin: TwinContent): Promise<void> {
  setReplay({ loading: true, message: localize(twinStrings.replayLoading, currentLang()) })
  const rows = await fetchDayHistory(twin.parkId).catch(() => [])
  const ok = runtime.startReplay(rows)
  setReplay({
    active: ok,
    loading: false,
    playing: ok,
    speed: 60,
    message: ok ? null : localize(twinStrings.replayEmpty, currentLang()),
  })
}

export function toggleReplayPlay(runtime: TwinRuntime): void {
  const r = runtime.replay
  if (!r) return
  if (r.t >= r.history.to) runtime.seekReplay(r.history.from)
  r.playing = !r.playing
  setReplay({ playing: r.playing })
}

export function setReplaySpeed(runtime: TwinRuntime, speed: number): void {
  if (runtime.replay) runtime.replay.speed = speed
  setReplay({ speed })
}

/** Jumps to a fraction (0–1) of the recorded day. */
export function seekReplayTo(runtime: TwinRuntime, fraction: number): void {
  const r = runtime.replay
  if (r) runtime.seekReplay(r.history.from + fraction * (r.history.to - r.history.from))
}

export function stopReplay(runtime: TwinRuntime): void {
  runtime.stopReplay()
  setReplay({ active: false, playing: false })
}

// ---- the inspection route ---------------------------------------------------------------------------

const setInspection = (patch: Partial<TwinUiState['inspection']>) =>
  set((s) => ({ inspection: { ...s.inspection, ...patch } }))

/** Takes the visitor to stop `index`, opens its asset and reads out what is found there. */
function goToStop(runtime: TwinRuntime, twin: TwinContent, index: number): void {
  const stop = twin.inspection?.stops[index]
  if (!stop) return
  teleportPlayer(stop.standAt, stop.yaw)
  set((s) => ({ selected: stop.asset, inspection: { ...s.inspection, index } }))
  const findings = inspectStop(twin, stop, runtime.read, runtime.alerts, currentLang())
  // The readings are not read out: they stand in the asset panel this opens (spoken-lines.ts says why).
  if (findings) speakInspection(inspectionSpeech(findings.asset, stop, findings.anomalyTexts), runtime)
}

export function startInspection(runtime: TwinRuntime, twin: TwinContent): void {
  if (!twin.inspection) return
  set({
    inspection: {
      active: true,
      index: 0,
      startedAt: Date.now(),
      items: [],
      saving: false,
      savedId: null,
      savedLanUrl: null,
      error: null,
    },
  })
  goToStop(runtime, twin, 0)
}

/** Records the stop's result with its readings; after the last stop, saves the report on the server. */
export async function markStop(
  runtime: TwinRuntime,
  twin: TwinContent,
  result: 'pass' | 'fail',
): Promise<void> {
  const state = get().inspection
  const stops = twin.inspection?.stops ?? []
  const stop = stops[state.index]
  if (!stop || state.saving || state.savedId !== null) return
  const findings = inspectStop(twin, stop, runtime.read, runtime.alerts, currentLang())
  const items: InspectionItem[] = [
    ...state.items,
    {
      asset: stop.asset,
      result,
      readings: findings?.readings ?? {},
      anomalies: findings?.anomalies ?? [],
      checkedAt: Date.now(),
    },
  ]
  if (state.index + 1 < stops.length) {
    setInspection({ items })
    goToStop(runtime, twin, state.index + 1)
    return
  }
  setInspection({ items, saving: true })
  try {
    const inspector = localize(twinStrings.inspector, currentLang())
    const code = await requireOperator(runtime)
    const saved = await saveInspection(
      twin.parkId,
      reportBody(items, state.startedAt, inspector, Date.now()),
      code,
    )
    setInspection({ saving: false, savedId: saved.id, savedLanUrl: saved.lanUrl ?? null })
  } catch (error) {
    setInspection({ saving: false, error: (error as Error).message })
  }
}

export function closeInspection(): void {
  setInspection({ active: false })
}
