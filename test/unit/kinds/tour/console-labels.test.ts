// The console's primary button never says what a button beside it says, in any phase.
import { describe, expect, it } from 'vitest'
import { primaryButtonLabel } from '../../../../src/kinds/tour/logic/console-labels'
import type { TourPhase } from '../../../../src/kinds/tour/logic/tour-sequencer'
import { tourStrings } from '../../../../src/kinds/tour/tour-strings'

const phases: TourPhase[] = ['idle', 'walking', 'waiting', 'narrating', 'presented', 'paused', 'finished']

describe('tour console labels', () => {
  it.each(phases)('%s: the primary button repeats none of prev, next or replay', (phase) => {
    const label = primaryButtonLabel({ phase })
    for (const other of [tourStrings.prev, tourStrings.next, tourStrings.replay]) {
      expect(label.zh).not.toBe(other.zh)
      expect(label.en).not.toBe(other.en)
    }
  })
})
