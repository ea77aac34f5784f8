// What the console's primary button says in each phase of the tour. Kept apart from the view so a test
// can hold it to one rule: it never repeats a label of the buttons beside it (two "下一站" side by side
// was a visitor-reported defect: "presented" said "next" next to the next button).
import type { LocalizedText } from '../../../schema/common'
import { tourStrings } from '../tour-strings'
import { isPlaying, type TourState } from './tour-sequencer'

export function primaryButtonLabel(state: Pick<TourState, 'phase'>): LocalizedText {
  if (isPlaying(state as TourState)) return tourStrings.pause
  switch (state.phase) {
    case 'paused':
      return tourStrings.resume
    case 'finished':
      return tourStrings.restart
    case 'presented':
      return tourStrings.continueTour
    default:
      return tourStrings.play
  }
}
