// Issue 12: everything a scene says out loud is a named line the asset build voices in Chinese and
// English, so it plays from a shipped file (or a venue's recording) and never falls to the device's
// voice. For every shipped scene, each thing each kind speaks (built by the same functions the kinds
// call) must be a line, or be spoken from parts that all are; and every place a kind calls the
// platform's narrate() is listed here, so a new spoken text cannot slip in without its line.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sceneSpokenLines } from '../../../scripts/assets/narration-audio'
import { Clerk } from '../../../src/kinds/service-hall/logic/clerk-answers'
import { formatTicket } from '../../../src/kinds/service-hall/logic/queue-simulation'
import { ticketCall, windowGreeting } from '../../../src/kinds/service-hall/logic/spoken-lines'
import {
  exhibitSpeech,
  panoramaCardSpeech,
  panoramaSpeech,
  quizFeedback,
  thenNowSpeech,
  timelineSpeech,
} from '../../../src/kinds/tour/logic/spoken-lines'
import { alertSpeech, inspectionSpeech } from '../../../src/kinds/twin/logic/spoken-lines'
import type { LocalizedText } from '../../../src/schema/common'
import type { Scene } from '../../../src/schema/scene-schema'
import { validateSceneText } from '../../../src/schema/scene-validation'
import { listSceneIds } from '../../../src/server/scenes/scene-folder'
import { NarrationIndex, narrationKey } from '../../../src/shared/narration-index'
import { ID_PATTERN } from '../../../src/shared/scene-id'
import { ruleCovers } from '../../../src/shared/twin/visual-rules'

/** What one scene says: whole lines, and lines spoken from parts. */
interface Said {
  what: string
  text: LocalizedText
  parts?: LocalizedText[]
}

function tourSays(scene: Extract<Scene, { kind: 'tour' }>): Said[] {
  const tour = scene.tour
  const said: Said[] = tour.stops.map((s) => ({ what: `stop ${s.id}`, text: s.narration.text }))
  for (const h of tour.hotspots) said.push({ what: `exhibit card ${h.id}`, text: exhibitSpeech(h) })
  if (tour.panorama) {
    said.push({ what: 'panorama', text: panoramaSpeech(tour.panorama) })
    for (const h of tour.panorama.hotspots)
      said.push({ what: `panorama card ${h.id}`, text: panoramaCardSpeech(h) })
  }
  if (tour.thenAndNow)
    for (const side of ['historical', 'present'] as const)
      said.push({ what: `then-and-now ${side}`, text: thenNowSpeech(tour.thenAndNow, side) })
  for (const e of tour.timeline?.events ?? [])
    said.push({ what: `timeline ${e.id}`, text: timelineSpeech(e) })
  for (const q of tour.quiz?.questions ?? [])
    for (const correct of [true, false])
      said.push({ what: `quiz ${q.id} ${correct ? 'right' : 'wrong'}`, ...quizFeedback(q, correct) })
  return said
}

function hallSays(scene: Extract<Scene, { kind: 'service-hall' }>): Said[] {
  const hall = scene.serviceHall
  const clerk = new Clerk(hall)
  const said: Said[] = []
  for (const w of hall.layout.windows) {
    said.push({ what: `greeting ${w.id}`, text: windowGreeting(w) })
    said.push({ what: `ticket call ${w.id}`, ...ticketCall(formatTicket(w.queue, 7), w) })
  }
  for (const matter of hall.matters)
    for (const q of clerk.suggestedQuestions(matter.id))
      said.push({
        what: `clerk ${matter.id}: ${q.zh}`,
        text: clerk.answer(q.zh, { matterId: matter.id }).text,
      })
  said.push({ what: 'clerk fallback', text: clerk.answer('今天天气怎么样').text })
  return said
}

function twinSays(scene: Extract<Scene, { kind: 'twin' }>): Said[] {
  const twin = scene.twin
  const said: Said[] = []
  for (const rule of twin.alertRules)
    for (const asset of twin.assets)
      if (ruleCovers(rule, asset))
        said.push({ what: `alert ${rule.id} at ${asset.id}`, text: alertSpeech(rule, asset) })
  for (const stop of twin.inspection?.stops ?? []) {
    const asset = twin.assets.find((a) => a.id === stop.asset)
    if (!asset) continue
    // Every anomaly the stop's card can list: its alert rules' messages and the visual rules' badges.
    const anomalies = [
      ...twin.alertRules.filter((r) => ruleCovers(r, asset)).map((r) => r.message),
      ...twin.visualRules.filter((r) => r.badge && ruleCovers(r, asset)).map((r) => r.badge as LocalizedText),
    ]
    said.push({ what: `inspection ${asset.id}, clear`, ...inspectionSpeech(asset, stop, []) })
    said.push({ what: `inspection ${asset.id}, anomalies`, ...inspectionSpeech(asset, stop, anomalies) })
  }
  return said
}

function says(scene: Scene): Said[] {
  switch (scene.kind) {
    case 'tour':
      return tourSays(scene)
    case 'service-hall':
      return hallSays(scene)
    case 'twin':
      return twinSays(scene)
    case 'classroom':
      return []
  }
}

const scenes = listSceneIds('scenes').map((id) => {
  const result = validateSceneText(readFileSync(join('scenes', id, 'scene.json'), 'utf8'), id)
  if (!result.ok) throw new Error(`${id}: ${JSON.stringify(result.problems)}`)
  return { id, scene: result.scene }
})

describe.each(scenes)('the lines of $id', ({ id, scene }) => {
  const lines = sceneSpokenLines(scene)
  const voiced = {
    zh: new Set(lines.map((l) => narrationKey(l.text.zh))),
    en: new Set(lines.filter((l) => l.text.en).map((l) => narrationKey(l.text.en))),
  }

  it('have unique ids a venue can name a recording by', () => {
    const ids = lines.map((l) => l.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const lineId of ids) expect(lineId).toMatch(ID_PATTERN)
  })

  it('hold everything the scene says, whole or from parts, in Chinese and English', () => {
    const said = says(scene)
    // The classroom narrates nothing: its voice is the teacher's own.
    expect(said.length > 0, 'the scene says something').toBe(scene.kind !== 'classroom')
    for (const s of said)
      for (const lang of ['zh', 'en'] as const) {
        if (!s.text[lang]) continue
        const whole = voiced[lang].has(narrationKey(s.text[lang]))
        const fromParts = s.parts?.every((p) => p[lang] && voiced[lang].has(narrationKey(p[lang]))) === true
        expect(whole || fromParts, `${id}: ${s.what} (${lang}) "${s.text[lang]}" has no line`).toBe(true)
      }
  })

  // `npm test` builds the assets before the unit tests; a checkout without a build skips this.
  const built = join('public/audio/narration', id, 'index.json')
  it.skipIf(!existsSync(built))('are all in the built index, with their text', () => {
    const index = NarrationIndex.parse(JSON.parse(readFileSync(built, 'utf8')))
    expect(Object.keys(index.lines).sort(), 'run npm run assets').toEqual(lines.map((l) => l.id).sort())
    for (const line of lines)
      for (const lang of ['zh', 'en'] as const) {
        if (!line.text[lang]) continue
        expect(index.lines[line.id]?.[lang]?.text, `${line.id}.${lang}: run npm run assets`).toBe(
          line.text[lang],
        )
      }
  })
})

/** Every file in src/kinds that calls the platform's narrate(), and how many times. */
const NARRATE_CALLS: Record<string, number> = {
  'src/kinds/service-hall/views/ClerkPanel.tsx': 2, // an answer, the window's greeting
  'src/kinds/service-hall/views/use-queue-ticker.ts': 1, // the ticket call, from parts
  'src/kinds/tour/tour-store.ts': 2, // a stop; what the visitor opened (card, panorama, caption, event, quiz)
  'src/kinds/twin/twin-voice.ts': 2, // an inspection stop, from parts; an alert
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  )
}

describe('narrate() call sites in the kinds', () => {
  it('are the known ones, each taking its text from a spoken-lines module', () => {
    const found: Record<string, number> = {}
    for (const file of sourceFiles('src/kinds')) {
      const source = readFileSync(file, 'utf8')
      const importsNarrate = /import\s*\{[^}]*\bnarrate\b[^}]*\}\s*from\s*'[./]*platform\/audio'/.test(source)
      if (!importsNarrate) continue
      const path = relative('.', file).replaceAll('\\', '/')
      found[path] = source.match(/\bnarrate\(/g)?.length ?? 0
      const usesLines = /from\s*'\.{1,2}\/logic\/spoken-lines'/.test(source)
      expect(usesLines, `${path} speaks without importing its kind's spoken-lines.ts`).toBe(true)
    }
    expect(
      found,
      'a kind speaks somewhere new: name its text in the kind’s logic/spoken-lines.ts (voiced by npm run assets), cover it above, then list the call here',
    ).toEqual(NARRATE_CALLS)
  })

  it('leave the device voice to the platform', () => {
    for (const file of sourceFiles('src/kinds'))
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/speechSynthesis|SpeechSynthesisUtterance/)
  })
})
