// What a spectator screen shows of a visitor's tour besides their view: the stop (the guide walks there
// on the screen too), the tour's phase for the console, the open exhibit card, the panorama, the
// then-and-now slider and the quiz. Read on the visitor's device, applied on the screen with this schema.
import { z } from 'zod'
import type { ViewMirror } from '../../platform/spectate'
import { LocalizedText, Vec3 } from '../../schema/common'
import { followGroupStop, type InfoCardContent, useTourStore } from './tour-store'

const TourView = z.object({
  stop: z.number().int().min(-1).max(500),
  phase: z.enum(['idle', 'walking', 'waiting', 'narrating', 'presented', 'paused', 'finished']),
  card: z
    .object({
      id: z.string().max(64),
      title: LocalizedText,
      text: LocalizedText,
      image: z.string().max(300).optional(),
      position: Vec3,
    })
    // The card's other fields (what it speaks) matter only to the visitor's device.
    .passthrough()
    .nullable(),
  panorama: z.boolean(),
  thenNow: z.number().min(0).max(1),
  quiz: z.object({
    current: z.number().int().min(0).max(100),
    answers: z.array(z.number().int().min(0).max(20).nullable()).max(100),
    finished: z.boolean(),
  }),
})

export const tourMirror: ViewMirror = {
  read: () => {
    const s = useTourStore.getState()
    return {
      stop: s.tour.stopIndex,
      phase: s.tour.phase,
      card: s.card,
      panorama: s.panoramaOpen,
      thenNow: Math.round(s.thenNow * 100) / 100,
      quiz: s.quiz,
    }
  },
  apply: (raw) => {
    const parsed = TourView.safeParse(raw)
    if (!parsed.success) return
    const view = parsed.data
    // The stop through the group's follow: the guide walks there as the visitor saw it walk.
    if (view.stop !== useTourStore.getState().tour.stopIndex) followGroupStop(view.stop)
    const quizFits = view.quiz.answers.length === useTourStore.getState().quiz.answers.length
    useTourStore.setState((s) => ({
      tour: { ...s.tour, phase: view.phase },
      card: view.card as InfoCardContent | null,
      panoramaOpen: view.panorama,
      thenNow: view.thenNow,
      ...(quizFits ? { quiz: view.quiz } : {}),
    }))
  },
}
