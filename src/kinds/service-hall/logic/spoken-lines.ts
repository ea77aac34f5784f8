// Everything the hall says out loud that is known before a visitor comes: each window's greeting and
// every answer its clerk can give. The asset build voices these; a venue can record any of them by
// its id. The ticket call ("请A012号到3号窗口") carries a live number and is left to the device's voice.
import type { LocalizedText } from '../../../schema/common'
import type { ServiceHallContent, ServiceWindow } from '../../../schema/kinds/service-hall'
import type { SpokenLine } from '../../../shared/narration-index'
import { strings } from '../service-hall-strings'
import { Clerk } from './clerk-answers'

export function windowGreeting(window: ServiceWindow): LocalizedText {
  return {
    zh: `您好，这里是${window.number}号窗口，${window.area.zh}。${strings.askClerk.zh}`,
    en: `Hello, this is window ${window.number}, ${window.area.en}. ${strings.askClerk.en}`,
  }
}

export function hallSpokenLines(content: ServiceHallContent): SpokenLine[] {
  return [
    ...content.layout.windows.map((w) => ({ id: `window-${w.id}-greeting`, text: windowGreeting(w) })),
    ...new Clerk(content).allAnswers(),
  ]
}
