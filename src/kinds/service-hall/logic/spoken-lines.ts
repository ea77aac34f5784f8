// Everything the hall says out loud that is known before a visitor comes: each window's greeting,
// every answer its clerk can give, and the pieces the ticket call is spoken from ("请" · "A" · "0" ·
// "1" · "2" · "号到3号窗口办理。"), as a real hall's announcer composes it. The asset build voices
// these; a venue can record any of them by its id.
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

/** The call for `ticket` to `window`: the sentence shown, and the voiced parts it is spoken from. */
export function ticketCall(
  ticket: string,
  window: Pick<ServiceWindow, 'number'>,
): { text: LocalizedText; parts: LocalizedText[] } {
  return {
    text: {
      zh: `请${ticket}号到${window.number}号窗口办理。`,
      en: `Ticket ${ticket}, please go to window ${window.number}.`,
    },
    parts: [CALL_OPENING, ...[...ticket].map((c) => ({ zh: c, en: c })), callToWindow(window)],
  }
}

const CALL_OPENING: LocalizedText = { zh: '请', en: 'Ticket' }

function callToWindow(window: Pick<ServiceWindow, 'number'>): LocalizedText {
  return { zh: `号到${window.number}号窗口办理。`, en: `please go to window ${window.number}.` }
}

export function hallSpokenLines(content: ServiceHallContent): SpokenLine[] {
  const windows = content.layout.windows
  // Tickets are a queue letter and three digits (formatTicket).
  const characters = [...new Set(windows.map((w) => w.queue))].sort().concat([...'0123456789'])
  return [
    ...windows.map((w) => ({ id: `window-${w.id}-greeting`, text: windowGreeting(w) })),
    ...new Clerk(content).allAnswers(),
    { id: 'call-opening', text: CALL_OPENING },
    ...characters.map((c) => ({ id: `call-char-${c.toLowerCase()}`, text: { zh: c, en: c } })),
    ...windows.map((w) => ({ id: `call-window-${w.id}`, text: callToWindow(w) })),
  ]
}
