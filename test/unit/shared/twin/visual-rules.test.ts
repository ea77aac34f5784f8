import { describe, expect, it } from 'vitest'
import { evaluateVisualRules, resolveThreshold } from '../../../../src/shared/twin/visual-rules'
import { loadTwinPark } from './twin-fixture'

const twin = loadTwinPark()
const factory = twin.assets.find((a) => a.id === 'factory')!
const datacenter = twin.assets.find((a) => a.id === 'datacenter')!
const reader = (values: Record<string, number>) => (assetId: string, metric: string) =>
  values[`${assetId}/${metric}`]

describe('visual rules', () => {
  it('resolves thresholds relative to the asset contract', () => {
    expect(resolveThreshold({ value: 0.85, of: 'contractKw' }, factory)).toBeCloseTo(1275)
    expect(resolveThreshold({ value: 27 }, factory)).toBe(27)
  })

  it('leaves an asset uncoloured below the limits and without data', () => {
    expect(evaluateVisualRules(twin.visualRules, factory, reader({ 'factory/power': 900 })).color).toBeNull()
    expect(evaluateVisualRules(twin.visualRules, factory, reader({})).matched).toEqual([])
  })

  it('turns amber near the contract, then red with a badge above it', () => {
    const amber = evaluateVisualRules(twin.visualRules, factory, reader({ 'factory/power': 1400 }))
    expect(amber.color).toBe('#f2a93b')
    expect(amber.badges).toEqual([])
    const red = evaluateVisualRules(twin.visualRules, factory, reader({ 'factory/power': 1600 }))
    expect(red.color).toBe('#e0483e')
    expect(red.matched).toEqual(['power-near-limit', 'power-over-limit'])
    expect(red.badges.map((b) => b.en)).toEqual(['Over contract'])
  })

  it('applies asset-specific rules only to their assets', () => {
    const hot = { 'factory/temperature': 31, 'datacenter/temperature': 31 }
    expect(evaluateVisualRules(twin.visualRules, factory, reader(hot)).matched).not.toContain(
      'datacenter-hot',
    )
    expect(evaluateVisualRules(twin.visualRules, datacenter, reader(hot)).matched).toContain('datacenter-hot')
  })

  it('shows a badge for an equality rule (HVAC off)', () => {
    const look = evaluateVisualRules(twin.visualRules, factory, reader({ 'factory/hvacOn': 0 }))
    expect(look.badges.map((b) => b.zh)).toEqual(['空调已关'])
  })
})
