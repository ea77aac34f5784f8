// The park's voice says an inspection stop's findings and a raised alert without a subtitle: the card
// and the alert list show the same words, and a subtitle covered the HUD's status bar (the layout rule
// test found it in every view). The narrator is replaced here; the narration test plays the real one.
import { afterEach, describe, expect, it, vi } from 'vitest'

const said: Array<{ text: string; subtitle?: boolean }> = []
vi.mock('../../../../src/platform/audio', () => ({
  narrate: (item: { text: string; subtitle?: boolean }) => {
    said.push(item)
    return Promise.resolve()
  },
}))
vi.mock('../../../../src/platform/locomotion', () => ({
  getHeadPosition: (v: { set(x: number, y: number, z: number): void }) => v.set(0, 1.6, 0),
}))

const { announceAlert, resetTwinVoice, speakInspection } = await import(
  '../../../../src/kinds/twin/twin-voice'
)
const { TwinRuntime } = await import('../../../../src/kinds/twin/logic/twin-runtime')
const { loadTwinPark } = await import('../../shared/twin/twin-fixture')

afterEach(() => {
  said.length = 0
  resetTwinVoice()
})

describe('twin voice', () => {
  it('reads an inspection stop without a subtitle', () => {
    const runtime = new TwinRuntime(loadTwinPark())
    speakInspection({ text: '综合办公楼。无异常。' } as never, runtime)
    expect(said).toEqual([expect.objectContaining({ text: '综合办公楼。无异常。', subtitle: false })])
  })

  it('says a raised alert without a subtitle', () => {
    const twin = loadTwinPark()
    const runtime = new TwinRuntime(twin)
    const rule = twin.alertRules[0]
    const alert = {
      key: `${rule.id}:${rule.assets?.[0] ?? twin.assets[0].id}`,
      ruleId: rule.id,
      assetId: rule.assets?.[0] ?? twin.assets[0].id,
      severity: rule.severity,
      message: rule.message,
      raisedAt: Date.now(),
      acked: false,
    }
    vi.spyOn(runtime.liveAlerts, 'active').mockReturnValue([alert] as never)
    announceAlert(alert as never, runtime)
    expect(said).toHaveLength(1)
    expect(said[0].subtitle).toBe(false)
  })
})
