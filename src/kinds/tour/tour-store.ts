// The tour's live state (zustand) and the one place sequencer effects meet the platform: narration,
// teleporting the visitor, and the guide's walk target (a mutable object the guide reads every frame).
// Over 300 lines on purpose: the kind's one store with all its actions (the layout every kind shares).
import { Vector3 } from 'three'
import { z } from 'zod'
import { create } from 'zustand'
import { type NarrationItem, narrate, stopNarration } from '../../platform/audio'
import type { HumanoidAnimator } from '../../platform/humans'
import { teleportPlayer } from '../../platform/locomotion'
import { keepSceneState, readSceneState } from '../../platform/visit'
import type { LocalizedText, Vec3 } from '../../schema/common'
import { type TourContent, VisitorMode } from '../../schema/kinds/tour'
import {
  answerQuestion,
  isAnswerCorrect,
  nextQuestion,
  type QuizSession,
  startQuiz,
} from './logic/quiz-grader'
import { panoramaSpeech, quizFeedback, thenNowSpeech, timelineSpeech } from './logic/spoken-lines'
import {
  createTourState,
  reduceTour,
  type TourEffect,
  type TourEvent,
  type TourState,
} from './logic/tour-sequencer'

export interface InfoCardContent {
  id: string
  title: LocalizedText
  text: LocalizedText
  image?: string
  /** Where the card floats (world), and the point it faces. */
  position: Vec3
  /** What is said as it opens (spoken-lines.ts: exhibitSpeech, panoramaCardSpeech). */
  speech: LocalizedText
}

interface TourUiState {
  tour: TourState
  card: InfoCardContent | null
  panoramaOpen: boolean
  /** 0 = historical picture, 1 = present-day picture. */
  thenNow: number
  timelineSelected: string | null
  quiz: QuizSession
  /** The docent-led group panel (open a group, join by code, the group's code and controls). */
  groupPanelOpen: boolean
}

export const useTourStore = create<TourUiState>(() => ({
  tour: createTourState(1, 'teleport-with-guide'),
  card: null,
  panoramaOpen: false,
  thenNow: 0,
  timelineSelected: null,
  quiz: startQuiz(0),
  groupPanelOpen: false,
}))

/** Where the guide is and where it is heading; written by effects, read and advanced by the guide at the kindLogic frame stage. */
export const guideMotion = {
  position: new Vector3(),
  target: new Vector3(),
  moving: false,
  /** Yaw (radians, three.js convention) the guide's body currently has. */
  yaw: 0,
  /** Seconds since the guide arrived somewhere: arrival gestures, idle variation. */
  sinceArrival: 0,
}

/** The guide's animator while its model is shown (null before it loads or if it failed), for the debug view. */
export const guideAvatar: { animator: HumanoidAnimator | null } = { animator: null }

let content: TourContent | null = null

export function initTour(tour: TourContent): void {
  // A save still running would store the reset below over the progress about to be restored.
  stopKeeping()
  content = tour
  stopNarration()
  guideMotion.position.set(...tour.guide.start)
  guideMotion.target.copy(guideMotion.position)
  guideMotion.moving = false
  useTourStore.setState({
    tour: createTourState(tour.stops.length, tour.visitorMode),
    card: null,
    panoramaOpen: false,
    thenNow: 0,
    timelineSelected: null,
    quiz: startQuiz(tour.quiz?.questions.length ?? 0),
  })
  restore(tour)
  stopKeeping = persist()
}

export function disposeTour(): void {
  stopKeeping()
  stopKeeping = () => {}
  content = null
  stopNarration()
}

// ---- what a reload keeps (the visit service's sessionStorage) --------------------------------------

const SavedTour = z.object({
  phase: z.enum(['idle', 'walking', 'waiting', 'narrating', 'presented', 'paused', 'finished']),
  stopIndex: z.number().int().min(-1),
  mode: VisitorMode,
  quiz: z.object({
    current: z.number().int().min(0),
    answers: z.array(z.number().int().min(0).nullable()),
    finished: z.boolean(),
  }),
  thenNow: z.number().min(0).max(1),
})
type SavedTour = z.infer<typeof SavedTour>

let stopKeeping = () => {}

function persist(): () => void {
  return keepSceneState(
    useTourStore,
    'tour',
    (s): SavedTour => ({
      phase: s.tour.phase,
      stopIndex: s.tour.stopIndex,
      mode: s.tour.mode,
      quiz: s.quiz,
      thenNow: s.thenNow,
    }),
  )
}

/**
 * Puts the visitor back at the stop they were at, with the guide there: a stop being walked to or told
 * comes back paused (a reloaded page may not speak before the visitor's next press), so "play" tells
 * it again. Quiz answers and the then-and-now slider come back as they were.
 */
function restore(tour: TourContent): void {
  const saved = readSceneState('tour', SavedTour)
  if (!saved) return
  const base = useTourStore.getState().tour
  const stopIndex = Math.min(saved.stopIndex, tour.stops.length - 1)
  const questions = tour.quiz?.questions.length ?? 0
  const quizFits = saved.quiz.answers.length === questions && saved.quiz.current <= questions
  let phase = saved.phase
  if (stopIndex < 0) phase = 'idle'
  else if (phase === 'walking' || phase === 'waiting' || phase === 'narrating') phase = 'paused'
  useTourStore.setState({
    tour: {
      ...base,
      mode: saved.mode,
      stopIndex,
      phase,
      pausedFrom: phase === 'paused' ? 'narrating' : null,
    },
    thenNow: saved.thenNow,
    ...(quizFits ? { quiz: saved.quiz } : {}),
  })
  const stop = tour.stops[stopIndex]
  if (!stop) return
  guideMotion.position.set(...stop.guidePosition)
  guideMotion.target.copy(guideMotion.position)
  teleportPlayer(stop.visitorPosition, stop.visitorYaw)
}

export function dispatchTour(event: TourEvent): void {
  // Play asks for the stop's story: whatever the visitor opened stops speaking.
  if (event.type === 'play') hushAside(() => true)
  const { state, effects } = reduceTour(useTourStore.getState().tour, event)
  useTourStore.setState({ tour: state })
  for (const effect of effects) runEffect(effect)
}

export function setVisitorMode(mode: VisitorMode): void {
  dispatchTour({ type: 'setMode', mode })
}

function runEffect(effect: TourEffect): void {
  if (!content) return
  switch (effect.type) {
    case 'walkGuide': {
      const stop = content.stops[effect.stopIndex]
      guideMotion.target.set(...stop.guidePosition)
      const distance = guideMotion.position.distanceTo(guideMotion.target)
      // With the visitor teleported ahead, the guide skips the long walk and strides in the last metres.
      if (effect.quick && distance > 3) {
        const from = guideMotion.target.clone().sub(guideMotion.position).normalize()
        guideMotion.position.copy(guideMotion.target).addScaledVector(from, -2.2)
      }
      guideMotion.moving = true
      return
    }
    case 'haltGuide':
      guideMotion.moving = false
      return
    case 'teleportVisitor': {
      const stop = content.stops[effect.stopIndex]
      useTourStore.setState({ card: null, panoramaOpen: false })
      teleportPlayer(stop.visitorPosition, stop.visitorYaw)
      return
    }
    case 'narrate': {
      // The guide arrives while the visitor listens to what they opened (a card, the panorama): it waits,
      // paused, as when a card opens during its story, instead of cutting the card off; play tells it.
      if (aside !== null) {
        dispatchTour({ type: 'hold' })
        return
      }
      const stop = content.stops[effect.stopIndex]
      const g = guideMotion.position
      void narrate({
        text: stop.narration.text,
        audio: stop.narration.audio,
        position: [g.x, g.y + 1.6, g.z],
      }).then(() => dispatchTour({ type: 'narrationEnded', token: effect.token }))
      return
    }
    case 'stopNarration':
      stopNarration()
      return
  }
}

/**
 * A following group member is taken to the docent's stop: the stop's story starts here as it does for
 * the docent, and the member is moved to the stop whatever their own visitor mode.
 */
export function followGroupStop(stopIndex: number): void {
  if (!content) return
  const current = useTourStore.getState().tour.stopIndex
  if (stopIndex < 0) {
    if (current >= 0) dispatchTour({ type: 'stop' })
    return
  }
  const stop = content.stops[stopIndex]
  if (!stop) return
  if (stopIndex !== current) dispatchTour({ type: 'goTo', stopIndex })
  useTourStore.setState({ card: null, panoramaOpen: false })
  teleportPlayer(stop.visitorPosition, stop.visitorYaw)
}

export function setGroupPanelOpen(open: boolean): void {
  useTourStore.setState({ groupPanelOpen: open })
}

// ---- what the visitor asks to hear: a card, the panorama, a caption, an event, the quiz's verdict ----

/** What speakAside is saying (a card's id, 'panorama', 'then-now', 'timeline', 'quiz'), or null. */
let aside: string | null = null

/**
 * Says what the visitor just opened or chose. A guide telling a stop is paused first ("play" tells it
 * again), as an audio guide stops its track when another exhibit's number is pressed.
 */
function speakAside(what: string, item: NarrationItem): void {
  if (useTourStore.getState().tour.phase === 'narrating') dispatchTour({ type: 'pause' })
  aside = what
  // Everything said aside is written on the panel the visitor opened: no subtitle over it.
  void narrate({ ...item, subtitle: false }).then(() => {
    if (aside === what) aside = null
  })
}

/** Stops the aside if it is still saying `what` (its card closed, its panel left). */
function hushAside(what: (said: string) => boolean): void {
  if (aside !== null && what(aside)) {
    aside = null
    stopNarration()
  }
}

export function openCard(card: InfoCardContent): void {
  useTourStore.setState({ card })
  speakAside(`card:${card.id}`, { text: card.speech })
}

export function closeCard(): void {
  const card = useTourStore.getState().card
  useTourStore.setState({ card: null })
  if (card) hushAside((said) => said === `card:${card.id}`)
}

export function setPanoramaOpen(open: boolean): void {
  const was = useTourStore.getState().panoramaOpen
  useTourStore.setState({ panoramaOpen: open, card: null })
  const panorama = content?.panorama
  if (open && !was && panorama) speakAside('panorama', { text: panoramaSpeech(panorama) })
  if (!open) hushAside((said) => said === 'panorama' || said.startsWith('card:panorama:'))
}

export function setThenNow(value: number): void {
  const before = useTourStore.getState().thenNow
  const thenNow = Math.min(1, Math.max(0, value))
  useTourStore.setState({ thenNow })
  // The caption is said when the slider crosses to the other picture, as the card's caption changes.
  const station = content?.thenAndNow
  if (station && before < 0.5 !== thenNow < 0.5)
    speakAside('then-now', { text: thenNowSpeech(station, thenNow < 0.5 ? 'historical' : 'present') })
}

export function selectTimelineEvent(id: string | null): void {
  useTourStore.setState({ timelineSelected: id })
  const event = content?.timeline?.events.find((e) => e.id === id)
  if (event) speakAside('timeline', { text: timelineSpeech(event) })
  else hushAside((said) => said === 'timeline')
}

export function answerQuiz(choice: number): void {
  const questions = content?.quiz?.questions ?? []
  const before = useTourStore.getState().quiz
  const quiz = answerQuestion(before, questions, choice)
  useTourStore.setState({ quiz })
  const question = questions[quiz.current]
  const answered = quiz.answers[quiz.current]
  if (quiz !== before && question && answered != null)
    speakAside('quiz', quizFeedback(question, isAnswerCorrect(question, answered)))
}

export function advanceQuiz(): void {
  useTourStore.setState((s) => ({ quiz: nextQuestion(s.quiz) }))
  hushAside((said) => said === 'quiz')
}

export function restartQuiz(): void {
  useTourStore.setState({ quiz: startQuiz(content?.quiz?.questions.length ?? 0) })
  hushAside((said) => said === 'quiz')
}

/** The tour content in play (null before init and after dispose); debug.ts reads it. */
export function tourContent(): TourContent | null {
  return content
}
