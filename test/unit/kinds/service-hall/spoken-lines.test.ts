// The hall's voiced lines cover everything its clerks say: any answer to any suggested question at
// any matter's window, any fallback and every window's greeting is a named line the build voices.
import { describe, expect, it } from 'vitest'
import { Clerk } from '../../../../src/kinds/service-hall/logic/clerk-answers'
import { formatTicket } from '../../../../src/kinds/service-hall/logic/queue-simulation'
import {
  hallSpokenLines,
  ticketCall,
  windowGreeting,
} from '../../../../src/kinds/service-hall/logic/spoken-lines'
import { ID_PATTERN } from '../../../../src/shared/scene-id'
import { loadGovHall } from './gov-hall-scene'

const hall = loadGovHall()
const lines = hallSpokenLines(hall)
const voiced = new Set(lines.flatMap((l) => [l.text.zh, l.text.en]))

describe('hall spoken lines', () => {
  it('name every line once, as a file name a venue can record', () => {
    const ids = lines.map((l) => l.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(ID_PATTERN)
  })

  it('hold every window greeting and every answer a suggested question gets', () => {
    for (const w of hall.layout.windows) expect(voiced.has(windowGreeting(w).zh)).toBe(true)
    const clerk = new Clerk(hall)
    let asked = 0
    for (const matter of hall.matters)
      for (const q of clerk.suggestedQuestions(matter.id))
        for (const lang of ['zh', 'en'] as const) {
          const reply = clerk.answer(q[lang], { matterId: matter.id })
          expect(voiced.has(reply.text[lang]), `${matter.id}: ${q[lang]}`).toBe(true)
          asked++
        }
    expect(asked).toBeGreaterThan(50)
    expect(voiced.has(clerk.answer('今天天气怎么样').text.zh)).toBe(true)
  })

  it('can speak every ticket call from voiced parts, and the Chinese parts read as the shown call', () => {
    for (const w of hall.layout.windows) {
      const call = ticketCall(formatTicket(w.queue, 7), w)
      expect(call.text.zh).toBe(`请${w.queue}007号到${w.number}号窗口办理。`)
      expect(call.parts.map((p) => p.zh).join('')).toBe(call.text.zh)
      for (const part of call.parts)
        for (const lang of ['zh', 'en'] as const) expect(voiced.has(part[lang]), part[lang]).toBe(true)
    }
  })
})
