// Everything the tour says out loud, each named so the build voices it and a venue can record it:
// the guide's stops, the exhibit and panorama cards, the then-and-now captions, the timeline's events
// and the quiz's feedback. The store speaks only what these functions return, so a spoken text
// without a line here fails the unit test (test/unit/kinds/spoken-lines.test.ts).
import type { LocalizedText } from '../../../schema/common'
import type {
  Hotspot,
  PanoramaHotspot,
  PanoramaStation,
  QuizQuestion,
  ThenAndNowStation,
  TimelineEvent,
  TourContent,
} from '../../../schema/kinds/tour'
import type { SpokenLine } from '../../../shared/narration-index'
import { tourStrings } from '../tour-strings'

/** A card read as a guide reads it: its title, then its text. */
function titled(title: LocalizedText, text: LocalizedText): LocalizedText {
  const en = title.en && text.en ? `${title.en}. ${text.en}` : ''
  return { zh: `${title.zh}。${text.zh}`, en }
}

/** What an exhibit's hotspot card says when it opens. */
export function exhibitSpeech(hotspot: Pick<Hotspot, 'title' | 'text'>): LocalizedText {
  return titled(hotspot.title, hotspot.text)
}

/** What the panorama says as the visitor steps in: its title. */
export function panoramaSpeech(station: Pick<PanoramaStation, 'title'>): LocalizedText {
  return station.title
}

/** The then-and-now caption of the side the slider is on. */
export function thenNowSpeech(station: ThenAndNowStation, side: 'historical' | 'present'): LocalizedText {
  return station[side].caption
}

/** What a timeline event says when it is picked. */
export function timelineSpeech(event: Pick<TimelineEvent, 'title' | 'text'>): LocalizedText {
  return titled(event.title, event.text)
}

/**
 * The quiz's feedback: "right" or "wrong", then the question's explanation, as the card shows it. Spoken
 * from two voiced parts, so each explanation is voiced once rather than once per verdict.
 */
export function quizFeedback(
  question: Pick<QuizQuestion, 'explanation'>,
  correct: boolean,
): { text: LocalizedText; parts: LocalizedText[] } {
  const verdict = correct ? tourStrings.right : tourStrings.wrong
  const explanation = question.explanation
  if (!explanation) return { text: verdict, parts: [verdict] }
  return {
    text: {
      zh: `${verdict.zh} ${explanation.zh}`,
      en: explanation.en ? `${verdict.en} ${explanation.en}` : '',
    },
    parts: [verdict, explanation],
  }
}

/** A short breath after the quiz's verdict, before its explanation (parts play back to back). */
const VERDICT_PAUSE_MS = 300

export function tourSpokenLines(content: TourContent): SpokenLine[] {
  const lines: SpokenLine[] = content.stops.map((stop) => ({
    id: `stop-${stop.id}`,
    text: stop.narration.text,
  }))
  for (const h of content.hotspots) lines.push({ id: `exhibit-${h.id}`, text: exhibitSpeech(h) })
  const panorama = content.panorama
  if (panorama) {
    lines.push({ id: `panorama-${panorama.id}`, text: panoramaSpeech(panorama) })
    for (const h of panorama.hotspots)
      lines.push({ id: `panorama-${panorama.id}-${h.id}`, text: panoramaCardSpeech(h) })
  }
  const thenNow = content.thenAndNow
  if (thenNow)
    for (const side of ['historical', 'present'] as const)
      lines.push({ id: `then-now-${thenNow.id}-${side}`, text: thenNowSpeech(thenNow, side) })
  for (const e of content.timeline?.events ?? [])
    lines.push({ id: `timeline-${e.id}`, text: timelineSpeech(e) })
  const quiz = content.quiz
  if (quiz) {
    lines.push(
      { id: 'quiz-right', text: tourStrings.right, pauseAfterMs: VERDICT_PAUSE_MS },
      { id: 'quiz-wrong', text: tourStrings.wrong, pauseAfterMs: VERDICT_PAUSE_MS },
    )
    for (const q of quiz.questions)
      if (q.explanation) lines.push({ id: `quiz-${q.id}-explanation`, text: q.explanation })
  }
  return lines
}

/** A panorama hotspot's card, read like an exhibit's. */
export function panoramaCardSpeech(hotspot: Pick<PanoramaHotspot, 'title' | 'text'>): LocalizedText {
  return titled(hotspot.title, hotspot.text)
}
