// The twin's controls, carried with the visitor like a cockpit: data source and stale state, the alert
// list, the asset panel, the confirmation dialog, history replay and the inspection card. It follows
// the player's position and facing (teleports, snap turns), never the head, so it stays put to read.
import type { ThreeEvent } from '@react-three/fiber'
import { useFrame } from '@react-three/fiber'
import { useRef } from 'react'
import { type Group, MathUtils, type Mesh } from 'three'
import { narrate } from '../../platform/audio/narration'
import { localize, useLang } from '../../platform/i18n/i18n'
import { teleportPlayer, usePlayer } from '../../platform/locomotion/player'
import { Button } from '../../platform/ui/Button'
import { Panel } from '../../platform/ui/Panel'
import { UiText } from '../../platform/ui/UiText'
import { useRoute } from '../../platform/url/route-store'
import type { TwinContent } from '../../schema/kinds/twin'
import { AssetPanel } from './AssetPanel'
import { SEVERITY_LEVEL } from './alert-engine'
import { inspectStop, reportBody, stopNarration } from './inspection-route'
import { LiveText } from './LiveText'
import type { HistoryRow } from './replay-history'
import { useTwinRuntime } from './twin-context'
import { clock } from './twin-format'
import type { TwinRuntime } from './twin-runtime'
import { useTwinUi } from './twin-store'
import { fill, twinStrings } from './twin-strings'

const SEVERITY_COLOR = ['#3a4a5c', '#4a90d9', '#f2a93b', '#e0483e']

export function TwinHud({ twin }: { twin: TwinContent }) {
  const group = useRef<Group>(null)
  useFrame(() => {
    const g = group.current
    if (!g) return
    const { position, yaw } = usePlayer.getState()
    g.position.set(position[0], position[1], position[2])
    g.rotation.set(0, MathUtils.degToRad(yaw), 0)
  })
  const selected = useTwinUi((s) => s.selected)
  const confirm = useTwinUi((s) => s.confirm)
  const inspecting = useTwinUi((s) => s.inspection.active)
  const asset = twin.assets.find((a) => a.id === selected)
  return (
    <group ref={group} name="twin-hud">
      {/* Right of centre: in VR the platform's menu floats low on the left. */}
      <group position={[0.22, 1.0, -1.18]} rotation-x={-0.35}>
        <StatusBar twin={twin} />
      </group>
      <group position={[-0.78, 1.5, -1.15]} rotation-y={0.45}>
        <AlertList twin={twin} />
      </group>
      {asset && (
        <group position={[0.7, 1.64, -1.1]} rotation-y={-0.45}>
          <AssetPanel twin={twin} asset={asset} />
        </group>
      )}
      {confirm && (
        <group position={[0, 1.4, -0.85]}>
          <ConfirmDialog twin={twin} />
        </group>
      )}
      {inspecting && (
        <group position={[0, 1.28, -1.1]} rotation-x={-0.12}>
          <InspectionCard twin={twin} />
        </group>
      )}
    </group>
  )
}

function StatusBar({ twin }: { twin: TwinContent }) {
  const runtime = useTwinRuntime()
  const lang = useLang()
  const l = (key: keyof typeof twinStrings) => localize(twinStrings[key], lang)
  const kind = useTwinUi((s) => s.sourceKind)
  const label = useTwinUi((s) => s.sourceLabel)
  const stale = useTwinUi((s) => s.stale)
  const replay = useTwinUi((s) => s.replay)
  const inspecting = useTwinUi((s) => s.inspection.active)
  const kindText =
    kind === 'server'
      ? l('sourceServer')
      : kind === 'external'
        ? l('sourceExternal')
        : kind === 'simulator'
          ? l('sourceSimulator')
          : l('connecting')
  const sourceText = `${l('source')}：${kindText}${kind === 'simulator' ? '' : ` · ${label}`}`
  const state = replay.active ? l('replaying') : stale ? l('stale') : kind ? l('online') : l('connecting')
  return (
    <group>
      <Panel
        width={1.3}
        height={replay.active ? 0.34 : 0.22}
        color={stale && !replay.active ? '#5c1f1f' : '#20232a'}
        name="twin-status"
      >
        <UiText
          name="twin-status:source"
          text={sourceText}
          fontSize={0.032}
          color="#ffffff"
          anchorX="left"
          position={[-0.62, replay.active ? 0.13 : 0.065, 0]}
          maxWidth={1.0}
        />
        <LiveText
          name="twin-status:state"
          get={() => `${state} · ${clock(runtime.viewTime())}`}
          fontSize={0.034}
          color={stale && !replay.active ? '#ffb4a8' : '#9fe3b8'}
          anchorX="right"
          position={[0.62, replay.active ? 0.13 : 0.065, 0]}
        />
        {replay.active ? (
          <ReplayControls twin={twin} />
        ) : (
          <group position={[0, -0.04, 0.005]}>
            <Button
              label={l('replay')}
              width={0.36}
              height={0.08}
              fontSize={0.032}
              position={[-0.3, 0, 0]}
              onPress={() => void startReplay(runtime, twin)}
              disabled={replay.loading || inspecting}
              name="twin-replay:start"
            />
            <Button
              label={l('inspection')}
              width={0.36}
              height={0.08}
              fontSize={0.032}
              position={[0.3, 0, 0]}
              variant="primary"
              onPress={() => startInspection(runtime, twin)}
              disabled={inspecting || !twin.inspection}
              name="twin-inspection:start"
            />
            {replay.message && (
              <UiText text={replay.message} fontSize={0.028} color="#ffd166" position={[0, -0.075, 0]} />
            )}
          </group>
        )}
      </Panel>
      {!replay.active && <FieldSensorToggle y={-0.19} />}
    </group>
  )
}

/** The field-sensor layer switch with the sensor count; shown only when the park publishes sensors. */
function FieldSensorToggle({ y }: { y: number }) {
  const lang = useLang()
  const count = useTwinUi((s) => s.fieldSensors)
  const shown = useTwinUi((s) => s.sensorsShown)
  if (count <= 0) return null
  const label = `${fill(localize(twinStrings.fieldSensors, lang), { n: count })}：${localize(shown ? twinStrings.turnOff : twinStrings.turnOn, lang)}`
  return (
    <Button
      label={label}
      width={0.56}
      height={0.07}
      fontSize={0.028}
      position={[0, y, 0]}
      selected={shown}
      onPress={() => useTwinUi.setState((s) => ({ sensorsShown: !s.sensorsShown }))}
      name="twin-sensors:toggle"
    />
  )
}

async function startReplay(runtime: TwinRuntime, twin: TwinContent): Promise<void> {
  useTwinUi.setState((s) => ({
    replay: { ...s.replay, loading: true, message: localize(twinStrings.replayLoading, currentLang()) },
  }))
  let rows: HistoryRow[] = []
  try {
    const to = Date.now()
    const res = await fetch(
      `/api/twin/${encodeURIComponent(twin.parkId)}/history?from=${to - 24 * 3600_000}&to=${to}&step=2`,
    )
    if (res.ok) rows = ((await res.json()) as { points: HistoryRow[] }).points
  } catch {
    rows = []
  }
  const ok = runtime.startReplay(rows)
  useTwinUi.setState((s) => ({
    replay: {
      ...s.replay,
      active: ok,
      loading: false,
      playing: ok,
      speed: 60,
      message: ok ? null : localize(twinStrings.replayEmpty, currentLang()),
    },
  }))
}

function currentLang(): 'zh' | 'en' {
  return useRoute.getState().lang
}

const TRACK_W = 0.7

function ReplayControls({ twin }: { twin: TwinContent }) {
  const runtime = useTwinRuntime()
  const lang = useLang()
  const replay = useTwinUi((s) => s.replay)
  const head = useRef<Mesh>(null)
  void twin
  useFrame(() => {
    const r = runtime.replay
    if (!r || !head.current) return
    const f = (r.t - r.history.from) / Math.max(1, r.history.to - r.history.from)
    head.current.position.x = -TRACK_W / 2 + f * TRACK_W
    if (!r.playing && useTwinUi.getState().replay.playing)
      useTwinUi.setState((s) => ({ replay: { ...s.replay, playing: false } }))
  })
  const seek = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation()
    const r = runtime.replay
    if (!r) return
    const local = e.object.worldToLocal(e.point.clone())
    runtime.seekReplay(r.history.from + ((local.x + TRACK_W / 2) / TRACK_W) * (r.history.to - r.history.from))
  }
  const setSpeed = (speed: number) => {
    if (runtime.replay) runtime.replay.speed = speed
    useTwinUi.setState((s) => ({ replay: { ...s.replay, speed } }))
  }
  const togglePlay = () => {
    const r = runtime.replay
    if (!r) return
    if (r.t >= r.history.to) runtime.seekReplay(r.history.from)
    r.playing = !r.playing
    useTwinUi.setState((s) => ({ replay: { ...s.replay, playing: r.playing } }))
  }
  const stop = () => {
    runtime.stopReplay()
    useTwinUi.setState((s) => ({ replay: { ...s.replay, active: false, playing: false } }))
  }
  return (
    <group position={[0, -0.05, 0.005]}>
      <group position={[-0.2, 0.04, 0]}>
        <mesh onClick={seek} name="twin-replay:track">
          <planeGeometry args={[TRACK_W, 0.04]} />
          <meshBasicMaterial color="#4e6177" toneMapped={false} />
        </mesh>
        {/* The track's ends, for tests and tools that seek to a fraction of the day. */}
        <object3D name="twin-replay:track-start" position={[-TRACK_W / 2, 0, 0]} />
        <object3D name="twin-replay:track-end" position={[TRACK_W / 2, 0, 0]} />
        <mesh ref={head} position={[-TRACK_W / 2, 0, 0.003]}>
          <planeGeometry args={[0.012, 0.06]} />
          <meshBasicMaterial color="#ffd166" toneMapped={false} />
        </mesh>
      </group>
      <Button
        label={localize(replay.playing ? twinStrings.pause : twinStrings.play, lang)}
        width={0.14}
        height={0.07}
        fontSize={0.028}
        position={[0.3, 0.04, 0]}
        onPress={togglePlay}
        name="twin-replay:play"
      />
      <Button
        label={localize(twinStrings.backToLive, lang)}
        width={0.2}
        height={0.07}
        fontSize={0.028}
        position={[0.5, 0.04, 0]}
        variant="primary"
        onPress={stop}
        name="twin-replay:live"
      />
      {[1, 10, 60].map((speed, i) => (
        <Button
          key={speed}
          label={`${speed}×`}
          width={0.12}
          height={0.06}
          fontSize={0.028}
          position={[-0.5 + i * 0.15, -0.04, 0]}
          selected={replay.speed === speed}
          onPress={() => setSpeed(speed)}
          name={`twin-replay:speed-${speed}`}
        />
      ))}
    </group>
  )
}

const MAX_ROWS = 4

function AlertList({ twin }: { twin: TwinContent }) {
  const runtime = useTwinRuntime()
  const lang = useLang()
  const alerts = useTwinUi((s) => s.alerts)
  const rows = alerts.slice(0, MAX_ROWS)
  const height = 0.14 + Math.max(1, rows.length) * 0.13
  return (
    <Panel width={0.78} height={height} name="twin-alerts">
      <UiText
        text={`${localize(twinStrings.alerts, lang)} (${alerts.length})`}
        fontSize={0.042}
        position={[0, height / 2 - 0.06, 0]}
      />
      {rows.length === 0 && (
        <UiText
          text={localize(twinStrings.noAlerts, lang)}
          fontSize={0.034}
          color="#3f7d5a"
          position={[0, height / 2 - 0.16, 0]}
        />
      )}
      {rows.map((alert, i) => {
        const asset = twin.assets.find((a) => a.id === alert.assetId)
        const y = height / 2 - 0.16 - i * 0.13
        const sev = localize(
          twinStrings[
            alert.severity === 'critical'
              ? 'severityCritical'
              : alert.severity === 'warning'
                ? 'severityWarning'
                : 'severityInfo'
          ],
          lang,
        )
        return (
          <group key={alert.key} position={[0, y, 0]}>
            <mesh position={[-0.36, 0, 0.001]}>
              <planeGeometry args={[0.025, 0.1]} />
              <meshBasicMaterial
                color={alert.acked ? '#9a9a9a' : SEVERITY_COLOR[SEVERITY_LEVEL[alert.severity]]}
                toneMapped={false}
              />
            </mesh>
            <UiText
              text={`[${sev}] ${asset ? localize(asset.name, lang) : alert.assetId} ${clock(alert.raisedAt)}\n${localize(alert.message, lang)}`}
              fontSize={0.028}
              anchorX="left"
              color={alert.acked ? '#777777' : '#1d1d1f'}
              position={[-0.33, 0, 0]}
              maxWidth={0.52}
            />
            <Button
              label={localize(alert.acked ? twinStrings.acked : twinStrings.ack, lang)}
              width={0.14}
              height={0.07}
              fontSize={0.028}
              position={[0.3, 0, 0.005]}
              variant={alert.acked ? 'secondary' : 'primary'}
              disabled={alert.acked}
              onPress={() => {
                runtime.alerts.ack(alert.key, Date.now())
                useTwinUi.setState({ alerts: runtime.alerts.active().map((a) => ({ ...a })) })
              }}
              name={`twin-alert-ack:${alert.key}`}
            />
          </group>
        )
      })}
    </Panel>
  )
}

function ConfirmDialog({ twin }: { twin: TwinContent }) {
  const runtime = useTwinRuntime()
  const lang = useLang()
  const confirm = useTwinUi((s) => s.confirm)
  if (!confirm) return null
  const asset = twin.assets.find((a) => a.id === confirm.assetId)
  const action = localize(confirm.value > 0 ? twinStrings.turnOn : twinStrings.turnOff, lang)
  const question = fill(localize(twinStrings.confirmQuestion, lang), {
    action,
    asset: asset ? localize(asset.name, lang) : confirm.assetId,
    control: localize(twinStrings[confirm.control], lang),
  })
  const yes = () => {
    void runtime.sendCommand(confirm.assetId, confirm.control, confirm.value)
    useTwinUi.setState((s) => ({ confirm: null, commandsVersion: s.commandsVersion + 1 }))
  }
  return (
    <Panel width={0.8} height={0.34} name="twin-confirm">
      <UiText text={localize(twinStrings.confirmTitle, lang)} fontSize={0.045} position={[0, 0.11, 0]} />
      <UiText text={question} fontSize={0.036} maxWidth={0.72} position={[0, 0.03, 0]} />
      <Button
        label={localize(twinStrings.confirm, lang)}
        width={0.26}
        variant="primary"
        position={[-0.16, -0.1, 0.005]}
        onPress={yes}
        name="twin-confirm:yes"
      />
      <Button
        label={localize(twinStrings.cancel, lang)}
        width={0.26}
        position={[0.16, -0.1, 0.005]}
        onPress={() => useTwinUi.setState({ confirm: null })}
        name="twin-confirm:no"
      />
    </Panel>
  )
}

function goToStop(runtime: TwinRuntime, twin: TwinContent, index: number): void {
  const stop = twin.inspection?.stops[index]
  if (!stop) return
  teleportPlayer(stop.standAt, stop.yaw)
  useTwinUi.setState((s) => ({ selected: stop.asset, inspection: { ...s.inspection, index } }))
  const findings = inspectStop(twin, stop, runtime.read, runtime.alerts, currentLang())
  if (findings) void narrate({ text: stopNarration(twin, findings, runtime.read) }).catch(() => {})
}

function startInspection(runtime: TwinRuntime, twin: TwinContent): void {
  if (!twin.inspection) return
  useTwinUi.setState({
    inspection: {
      active: true,
      index: 0,
      startedAt: Date.now(),
      items: [],
      saving: false,
      savedId: null,
      error: null,
    },
  })
  goToStop(runtime, twin, 0)
}

async function markStop(runtime: TwinRuntime, twin: TwinContent, result: 'pass' | 'fail'): Promise<void> {
  const state = useTwinUi.getState().inspection
  const stops = twin.inspection?.stops ?? []
  const stop = stops[state.index]
  if (!stop || state.saving || state.savedId !== null) return
  const findings = inspectStop(twin, stop, runtime.read, runtime.alerts, currentLang())
  const items = [
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
    useTwinUi.setState({ inspection: { ...state, items } })
    goToStop(runtime, twin, state.index + 1)
    return
  }
  useTwinUi.setState({ inspection: { ...state, items, saving: true } })
  try {
    const res = await fetch(`/api/twin/${encodeURIComponent(twin.parkId)}/inspections`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        reportBody(items, state.startedAt, localize(twinStrings.inspector, currentLang()), Date.now()),
      ),
    })
    const body = (await res.json().catch(() => ({}))) as { id?: number; error?: string }
    if (!res.ok || body.id === undefined) throw new Error(body.error ?? `HTTP ${res.status}`)
    useTwinUi.setState((s) => ({ inspection: { ...s.inspection, saving: false, savedId: body.id ?? null } }))
  } catch (error) {
    useTwinUi.setState((s) => ({
      inspection: { ...s.inspection, saving: false, error: (error as Error).message },
    }))
  }
}

function InspectionCard({ twin }: { twin: TwinContent }) {
  const runtime = useTwinRuntime()
  const lang = useLang()
  const inspection = useTwinUi((s) => s.inspection)
  const stops = twin.inspection?.stops ?? []
  const stop = stops[inspection.index]
  const asset = twin.assets.find((a) => a.id === stop?.asset)
  if (!stop || !asset) return null
  const l = (key: keyof typeof twinStrings) => localize(twinStrings[key], lang)
  const done = inspection.savedId !== null
  const close = () => useTwinUi.setState((s) => ({ inspection: { ...s.inspection, active: false } }))
  return (
    <Panel width={1.0} height={0.42} name="twin-inspection">
      <UiText
        text={`${fill(l('inspectionStop'), { n: inspection.index + 1, total: stops.length })} · ${localize(asset.name, lang)}`}
        fontSize={0.04}
        position={[0, 0.16, 0]}
      />
      {done || inspection.saving || inspection.error ? (
        <>
          <UiText
            name="twin-inspection:result"
            text={
              done
                ? fill(l('reportSaved'), {
                    id: inspection.savedId ?? '',
                    url: `/api/twin/${twin.parkId}/inspections/${inspection.savedId}.csv`,
                  })
                : inspection.saving
                  ? l('saving')
                  : fill(l('reportFailed'), { reason: inspection.error ?? '' })
            }
            fontSize={0.032}
            maxWidth={0.9}
            position={[0, 0.02, 0]}
          />
          <Button
            label={l('finish')}
            width={0.24}
            position={[0, -0.14, 0.005]}
            onPress={close}
            name="twin-inspection:close"
          />
        </>
      ) : (
        <>
          <UiText
            text={localize(stop.checklist, lang)}
            fontSize={0.03}
            maxWidth={0.92}
            position={[0, 0.085, 0]}
          />
          <LiveText
            name="twin-inspection:anomalies"
            get={() => {
              const f = inspectStop(twin, stop, runtime.read, runtime.alerts, lang)
              return f && f.anomalies.length > 0
                ? `${l('anomalies')}：${f.anomalies.join('；')}`
                : l('noAnomalies')
            }}
            fontSize={0.032}
            color="#b3261e"
            maxWidth={0.92}
            position={[0, 0.0, 0]}
          />
          <Button
            label={l('pass')}
            width={0.26}
            variant="secondary"
            position={[-0.16, -0.13, 0.005]}
            onPress={() => void markStop(runtime, twin, 'pass')}
            name="twin-inspection:pass"
          />
          <Button
            label={l('fail')}
            width={0.26}
            variant="danger"
            position={[0.16, -0.13, 0.005]}
            onPress={() => void markStop(runtime, twin, 'fail')}
            name="twin-inspection:fail"
          />
        </>
      )}
    </Panel>
  )
}
