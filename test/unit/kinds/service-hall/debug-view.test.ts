// The service hall's debug view: computed when a test asks, from the store as it is then; nothing is
// worked out on a store change (the merged checklist used to be recomputed on every one).
import { afterEach, describe, expect, it } from 'vitest'
import { registerServiceHallDebugView } from '../../../../src/kinds/service-hall/debug'
import {
  chooseEvent,
  chooseOption,
  initHall,
  setShowQr,
  tick,
} from '../../../../src/kinds/service-hall/service-hall-store'
import { testHooks } from '../../../../src/platform/debug'
import { loadGovHall } from './gov-hall-scene'

let unregister: (() => void) | undefined
afterEach(() => unregister?.())

describe('service-hall debug view', () => {
  it('is absent until registered and gone after unregistering', () => {
    expect(testHooks.view('service-hall')).toBeNull()
    unregister = registerServiceHallDebugView()
    expect(testHooks.view('service-hall')).not.toBeNull()
    unregister()
    expect(testHooks.view('service-hall')).toBeNull()
  })

  it('shows the plan, the merged checklist, the ticks and the QR text as they are when asked', () => {
    initHall(loadGovHall(), 0)
    unregister = registerServiceHallDebugView()
    chooseEvent('open-restaurant')
    chooseOption(0)
    chooseOption(0)
    tick('id-card')
    let view = testHooks.view('service-hall')
    expect(view?.plan).toEqual(['company-setup', 'food-licence', 'tax-invoice', 'employee-insurance'])
    expect(view?.checklist).toHaveLength(new Set(view?.checklist).size)
    expect(view?.checklist).toContain('business-licence')
    expect(view?.ticked).toEqual(['id-card'])
    expect(view?.qrText).toBeNull()
    setShowQr(true)
    view = testHooks.view('service-hall')
    expect(view?.qrText).toContain('[x] 居民身份证')
    // Plain data: it survives the trip to the test process unchanged.
    expect(JSON.parse(JSON.stringify(view))).toEqual(view)
  })
})
