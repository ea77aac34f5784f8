// "我要办…": walks a life event's decision tree one answer at a time and collects the matters it leads to.
// Immutable steps so the UI can go back, and a test can walk every path without a browser.
import type { DecisionQuestion, LifeEvent } from '../../../schema/kinds/service-hall'

export interface NavigationState {
  eventId: string
  /** The question being asked, or null once the tree has ended. */
  questionId: string | null
  /** Indices of the options chosen so far, in order. */
  answers: number[]
  /** Matters collected so far, in the order they were added, without repeats. */
  matterIds: string[]
}

function addUnique(list: string[], ids: readonly string[]): string[] {
  const out = [...list]
  for (const id of ids) if (!out.includes(id)) out.push(id)
  return out
}

export function startNavigation(event: LifeEvent): NavigationState {
  return {
    eventId: event.id,
    questionId: event.start ?? null,
    answers: [],
    matterIds: addUnique([], event.always),
  }
}

export function currentQuestion(event: LifeEvent, state: NavigationState): DecisionQuestion | null {
  if (!state.questionId) return null
  return event.questions.find((q) => q.id === state.questionId) ?? null
}

/** Chooses option `index` of the current question. Out-of-range or finished states are returned unchanged. */
export function answerQuestion(event: LifeEvent, state: NavigationState, index: number): NavigationState {
  const question = currentQuestion(event, state)
  const option = question?.options[index]
  if (!question || !option) return state
  return {
    eventId: state.eventId,
    questionId: option.next ?? null,
    answers: [...state.answers, index],
    matterIds: addUnique(state.matterIds, option.adds),
  }
}

/** Replays the answers but the last one: a "back" button. */
export function goBack(event: LifeEvent, state: NavigationState): NavigationState {
  return state.answers
    .slice(0, -1)
    .reduce((s, index) => answerQuestion(event, s, index), startNavigation(event))
}

export function isFinished(state: NavigationState): boolean {
  return state.questionId === null
}

/** Walks a whole path of answers from the start; convenient for tests and deep links. */
export function navigate(event: LifeEvent, answers: readonly number[]): NavigationState {
  return answers.reduce((s, index) => answerQuestion(event, s, index), startNavigation(event))
}
