// The twin's pure view logic: badges rebuilt only when they changed, the 24 h chart's windowing and
// thinning into fixed buffers, and the on/off state a control button shows.
import { describe, expect, it } from 'vitest'
import { nextBadges } from '../../../../src/kinds/twin/logic/asset-badges'
import { CommandTracker } from '../../../../src/kinds/twin/logic/command-tracker'
import { controlIsOn, controlTexts } from '../../../../src/kinds/twin/logic/control-state'
import { reportSummary } from '../../../../src/kinds/twin/logic/inspection-route'
import { chartSpan, chartX, createChartPlot, plotSeries } from '../../../../src/kinds/twin/logic/power-chart'
import { readingLines } from '../../../../src/kinds/twin/logic/twin-format'
import { twinStrings } from '../../../../src/kinds/twin/twin-strings'
import type { AssetLook } from '../../../../src/shared/twin/visual-rules'
import { loadTwinPark } from '../../shared/twin/twin-fixture'

const twin = loadTwinPark()

describe('nextBadges', () => {
  const red: AssetLook = { color: '#e0483e', badges: [{ zh: '超合同', en: 'Over contract' }], matched: ['r'] }

  it('returns the previous object itself when nothing changed, so the store is not touched', () => {
    const looks = new Map<string, AssetLook>([['factory', red]])
    const first = nextBadges(twin.assets, looks, () => 0, {})
    expect(first.factory).toEqual({ color: '#e0483e', zh: '超合同', en: 'Over contract', level: 0 })
    // Equal content from freshly evaluated looks: same object back.
    const again = new Map<string, AssetLook>([['factory', { ...red, badges: [...red.badges] }]])
    expect(nextBadges(twin.assets, again, () => 0, first)).toBe(first)
  })

  it('replaces only the asset whose badge changed', () => {
    const looks = new Map<string, AssetLook>([['factory', red]])
    const first = nextBadges(twin.assets, looks, () => 0, {})
    const next = nextBadges(twin.assets, looks, (id) => (id === 'datacenter' ? 3 : 0), first)
    expect(next).not.toBe(first)
    expect(next.factory).toBe(first.factory)
    expect(next.datacenter.level).toBe(3)
  })
})

describe('plotSeries', () => {
  it('keeps the points inside the window from both series, in order, and scales to the highest', () => {
    const plot = createChartPlot(10)
    plotSeries(
      plot,
      [
        [0, 5],
        [10, 7],
      ],
      [
        [20, 30],
        [40, 1],
      ],
      5,
      30,
      12,
    )
    expect(Array.from(plot.ts.subarray(0, plot.count))).toEqual([10, 20])
    expect(Array.from(plot.v.subarray(0, plot.count))).toEqual([7, 30])
    expect(plot.maxY).toBe(30)
  })

  it('thins evenly to its capacity and keeps the floor of the y axis', () => {
    const plot = createChartPlot(10)
    const series = Array.from({ length: 95 }, (_, i) => [i, 1] as const)
    plotSeries(plot, series, [], 0, 1000, 12)
    expect(plot.count).toBe(10)
    expect(plot.ts[1] - plot.ts[0]).toBe(10)
    expect(plot.maxY).toBe(12)
    const arrays = [plot.ts, plot.v]
    plotSeries(plot, series, [], 0, 1000, 12)
    expect([plot.ts, plot.v]).toEqual(arrays)
  })
})

describe('controlIsOn', () => {
  it('reads HVAC from telemetry and chargers from the last acknowledged command', () => {
    const commands = new CommandTracker()
    const values: Record<string, number> = { 'office-a/hvacOn': 0 }
    const read = (asset: string, metric: string) => values[`${asset}/${metric}`]
    expect(controlIsOn(read, commands, 'office-a', 'hvac')).toBe(false)
    expect(controlIsOn(read, commands, 'datacenter', 'hvac')).toBe(true)
    expect(controlIsOn(read, commands, 'ev-chargers', 'chargers')).toBe(true)
    const c = commands.create('ev-chargers', 'chargers', 0, 1000)
    expect(controlIsOn(read, commands, 'ev-chargers', 'chargers')).toBe(true)
    commands.ack(c.id, true)
    expect(controlIsOn(read, commands, 'ev-chargers', 'chargers')).toBe(false)
  })
})

describe('the chart’s x axis (a fresh server has minutes of record, not a day)', () => {
  const MIN = 60_000
  const end = 1_000 * 60 * MIN
  const start = end - 24 * 60 * MIN
  it('spans the data there is, so minutes of points fill the chart instead of a sliver', () => {
    const plot = createChartPlot()
    const live: Array<[number, number]> = []
    for (let ts = end - MIN; ts <= end; ts += 1000) live.push([ts, 500])
    plotSeries(plot, [], live, start, end, 1170)
    // At least two minutes are shown: one minute of data fills half the width.
    expect(chartX(plot, end - MIN)).toBeCloseTo(0.5)
    expect(chartX(plot, end)).toBe(1)
    expect(chartSpan(plot)).toEqual({ unit: 'minutes', n: 2 })
    live.unshift([end - 40 * MIN, 480])
    plotSeries(plot, [], live, start, end, 1170)
    expect(chartX(plot, end - 40 * MIN)).toBe(0)
    expect(chartSpan(plot)).toEqual({ unit: 'minutes', n: 40 })
  })

  it('shows the whole day once the record covers it', () => {
    const plot = createChartPlot()
    const day: Array<[number, number]> = []
    for (let ts = start; ts <= end; ts += MIN) day.push([ts, 500])
    plotSeries(plot, day, [], start, end, 1170)
    expect(chartX(plot, start)).toBe(0)
    expect(chartSpan(plot)).toEqual({ unit: 'day', n: 24 })
    plotSeries(plot, day.slice(-5 * 60), [], start, end, 1170)
    expect(chartSpan(plot)).toEqual({ unit: 'hours', n: 5 })
  })
})

describe('controlTexts', () => {
  it('shows the state and, on the button, the action (not "空调：关闭" while the HVAC runs)', () => {
    const on = controlTexts('hvac', true)
    expect(twinStrings[on.state]).toEqual({ zh: '空调：运行中', en: 'HVAC: running' })
    expect(twinStrings[on.action]).toEqual({ zh: '关闭空调', en: 'Turn HVAC off' })
    const off = controlTexts('hvac', false)
    expect(twinStrings[off.state].zh).toBe('空调：已关闭')
    expect(twinStrings[off.action].zh).toBe('开启空调')
    for (const control of ['hvac', 'lighting', 'chargers'] as const)
      for (const value of [true, false]) {
        const texts = controlTexts(control, value)
        expect(twinStrings[texts.state].en).not.toBe('')
        expect(twinStrings[texts.action].en).not.toBe('')
      }
  })
})

describe('reportSummary', () => {
  it('says how many stops passed and which failed, by name in the visitor’s language', () => {
    const items = ['office', 'factory', 'datacenter'].map((asset, i) => ({
      asset,
      result: i === 1 ? ('fail' as const) : ('pass' as const),
      readings: {},
      anomalies: [],
      checkedAt: 1,
    }))
    expect(reportSummary(twin, items, 'zh')).toEqual({
      total: 3,
      passed: 2,
      failed: 1,
      failedNames: ['智能制造车间'],
    })
    expect(reportSummary(twin, items, 'en').failedNames).toEqual(['Smart factory'])
  })
})

describe('English in the twin park', () => {
  const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/
  it('names every asset, metric, badge, alert and stop in English', () => {
    const texts = [
      ...twin.assets.map((a) => a.name),
      ...twin.metrics.map((m) => m.label),
      ...twin.visualRules.flatMap((r) => (r.badge ? [r.badge] : [])),
      ...twin.alertRules.map((r) => r.message),
      ...(twin.inspection?.stops.map((s) => s.checklist) ?? []),
    ]
    for (const t of texts) {
      expect(t.en, t.zh).not.toBe('')
      expect(t.en).not.toMatch(CJK)
    }
  })

  it('reads every asset’s values without a Chinese unit', () => {
    const read = (_: string, metric: string) => (metric === 'hvacOn' ? 1 : 3)
    for (const asset of twin.assets)
      for (const line of readingLines(twin, asset, read, 'en')) expect(line).not.toMatch(CJK)
    const office = readingLines(twin, twin.assets.find((a) => a.id === 'office-a')!, read, 'zh')
    expect(office).toContain('在场人数 3 人')
  })
})
