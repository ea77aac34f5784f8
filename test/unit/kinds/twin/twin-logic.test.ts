// The twin's pure view logic: badges rebuilt only when they changed, the 24 h chart's windowing and
// thinning into fixed buffers, and the on/off state a control button shows.
import { describe, expect, it } from 'vitest'
import { nextBadges } from '../../../../src/kinds/twin/logic/asset-badges'
import { CommandTracker } from '../../../../src/kinds/twin/logic/command-tracker'
import { controlIsOn } from '../../../../src/kinds/twin/logic/control-state'
import { createChartPlot, plotSeries } from '../../../../src/kinds/twin/logic/power-chart'
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
