// The twin's store actions without React: a control asks before it sends, the per-frame sync touches
// the store only when something visible changed, and a replay starts, seeks and returns to live.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { TwinRuntime } from '../../../../src/kinds/twin/logic/twin-runtime'
import {
  askToConfirm,
  cancelConfirm,
  confirmCommand,
  persistTwin,
  resetTwinUi,
  restoreTwin,
  seekReplayTo,
  selectAsset,
  setReplaySpeed,
  startReplay,
  stopReplay,
  syncFromRuntime,
  toggleFieldSensors,
  toggleReplayPlay,
  useTwinUi,
} from '../../../../src/kinds/twin/twin-store'
import { twinStrings } from '../../../../src/kinds/twin/twin-strings'
import type { DataSource } from '../../../../src/platform/realtime'
import { useRoute } from '../../../../src/platform/url'
import { telemetryTopic } from '../../../../src/shared/twin/telemetry-topics'
import { MemoryStorage } from '../../../support/memory-storage'
import { loadTwinPark } from '../../shared/twin/twin-fixture'

const twin = loadTwinPark()

function fakeSource() {
  const published: Array<[string, string]> = []
  const source = {
    kind: 'server',
    label: 'test',
    status: 'online',
    onStatus: () => () => {},
    onMessage: () => () => {},
    subscribe: () => {},
    publish: async (topic: string, payload: string) => {
      published.push([topic, payload])
      return true
    },
    close: () => {},
  } as unknown as DataSource
  return { source, published }
}

afterEach(() => {
  vi.unstubAllGlobals()
  resetTwinUi()
})

describe('commands', () => {
  it('sends nothing until the visitor confirms, then exactly one command', async () => {
    const runtime = new TwinRuntime(twin)
    const { source, published } = fakeSource()
    runtime.attach(source)
    askToConfirm('datacenter', 'hvac', 0)
    expect(useTwinUi.getState().confirm).toEqual({ assetId: 'datacenter', control: 'hvac', value: 0 })
    cancelConfirm()
    confirmCommand(runtime)
    expect(published).toEqual([])
    askToConfirm('datacenter', 'hvac', 0)
    confirmCommand(runtime)
    await Promise.resolve()
    expect(useTwinUi.getState().confirm).toBeNull()
    expect(published.map(([topic]) => topic)).toEqual(['park/demo/datacenter/cmd'])
    expect(runtime.commands.latest('datacenter', 'hvac')?.state).toBe('pending')
  })
})

describe('syncFromRuntime', () => {
  it('writes the store only when what a viewer sees changed', () => {
    const runtime = new TwinRuntime(twin)
    const { source } = fakeSource()
    runtime.attach(source)
    const now = Date.now()
    runtime.receive(telemetryTopic('demo', 'datacenter', 'power'), JSON.stringify({ v: 500, ts: now }))
    runtime.tick(now, 0.016)
    const writes = vi.fn()
    const off = useTwinUi.subscribe(writes)
    syncFromRuntime(runtime, now)
    const afterFirst = writes.mock.calls.length
    expect(afterFirst).toBeGreaterThan(0)
    // Frames without news: no store write at all.
    for (let i = 1; i <= 10; i++) {
      runtime.tick(now + i, 0.016)
      syncFromRuntime(runtime, now + i)
    }
    expect(writes.mock.calls.length).toBe(afterFirst)
    off()
  })
})

/**
 * The history endpoint answers with two power readings of the data centre an hour ago, 100 then 200 two
 * minutes later; returns when the first was taken.
 */
function serveTwoPointHistory(): number {
  const t0 = Date.now() - 3_600_000
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      Response.json({
        park: 'demo',
        from: t0,
        to: t0 + 120_000,
        points: [
          ['datacenter', 'power', t0, 100],
          ['datacenter', 'power', t0 + 120_000, 200],
        ],
      }),
    ),
  )
  return t0
}

describe('replay', () => {
  it('loads the day, plays, seeks, changes speed and returns to live', async () => {
    serveTwoPointHistory()
    const runtime = new TwinRuntime(twin)
    await startReplay(runtime, twin)
    expect(useTwinUi.getState().replay).toMatchObject({ active: true, playing: true, loading: false })
    expect(runtime.read('datacenter', 'power')).toBe(100)
    toggleReplayPlay(runtime)
    expect(useTwinUi.getState().replay.playing).toBe(false)
    setReplaySpeed(runtime, 10)
    expect(runtime.replay?.speed).toBe(10)
    seekReplayTo(runtime, 1)
    expect(runtime.read('datacenter', 'power')).toBe(200)
    stopReplay(runtime)
    expect(runtime.replay).toBeNull()
    expect(useTwinUi.getState().replay.active).toBe(false)
  })

  it('says so when the server has no history, and stays live', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json({ error: 'unknown park "demo"' }, { status: 404 })),
    )
    const runtime = new TwinRuntime(twin)
    await startReplay(runtime, twin)
    expect(runtime.replay).toBeNull()
    expect(useTwinUi.getState().replay).toMatchObject({ active: false, loading: false })
    expect(useTwinUi.getState().replay.message).toBe(twinStrings.replayEmpty.zh)
  })
})

describe('a reload', () => {
  it('puts back the selected asset and the replay where it was, paused as it was', async () => {
    const t0 = serveTwoPointHistory()
    vi.stubGlobal('sessionStorage', new MemoryStorage())
    let pagehide = () => {}
    vi.stubGlobal('window', {
      addEventListener: (type: string, f: () => void) => {
        if (type === 'pagehide') pagehide = f
      },
      removeEventListener: () => {},
    })
    useRoute.setState({ scene: 'twin-park' })
    const before = new TwinRuntime(twin)
    const stop = persistTwin(before)
    selectAsset('datacenter')
    toggleFieldSensors()
    await startReplay(before, twin)
    seekReplayTo(before, 0.5)
    toggleReplayPlay(before)
    // The replay clock lives in the runtime: the page going away saves it.
    pagehide()
    stop()
    resetTwinUi()

    const after = new TwinRuntime(twin)
    await restoreTwin(after, twin)
    expect(useTwinUi.getState().selected).toBe('datacenter')
    expect(useTwinUi.getState().sensorsShown).toBe(false)
    expect(after.replay?.t).toBe(t0 + 60_000)
    expect(after.replay?.playing).toBe(false)
    expect(useTwinUi.getState().replay).toMatchObject({ active: true, playing: false })
    useRoute.setState({ scene: undefined })
  })
})
