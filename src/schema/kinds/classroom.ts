// Scene data for the "classroom" kind: the room layout (seats, slide screen, lab bench), the slide deck,
// the lab models a teacher can place, the after-class quiz and room settings. src/kinds/classroom draws it;
// src/server/classroom runs the shared room from it (the server alone grades, from `correct`).

import { z } from 'zod'
import { ID_PATTERN } from '../../shared/scene-id'
import { AssetPath, LocalizedText, Vec3 } from '../common'

const Id = z.string().regex(ID_PATTERN, 'ids are lowercase letters, digits and dashes')

/** A text page: a heading and up to eight short bullet lines. */
export const TextSlide = z
  .object({
    id: Id,
    type: z.literal('text'),
    title: LocalizedText,
    bullets: z.array(LocalizedText).max(8).default([]),
  })
  .strict()

/** An image page: a same-origin picture (PNG/JPEG/SVG) with an optional caption under it. */
export const ImageSlide = z
  .object({
    id: Id,
    type: z.literal('image'),
    title: LocalizedText,
    src: AssetPath,
    caption: LocalizedText.optional(),
  })
  .strict()

export const Slide = z.discriminatedUnion('type', [TextSlide, ImageSlide])
export type Slide = z.infer<typeof Slide>

export const Seat = z
  .object({
    id: Id,
    /** Where a member stands/sits, on the floor. */
    position: Vec3,
    /** Degrees; 0 looks down -Z (towards the screen in the default layout). */
    yaw: z.number().default(0),
  })
  .strict()
export type Seat = z.infer<typeof Seat>

/** A model the teacher may put on the lab bench's station. */
export const LabModel = z
  .object({
    id: Id,
    title: LocalizedText,
    src: AssetPath,
    /** Uniform scale so the model fits the ~0.5 m station. Default 1. */
    scale: z.number().positive().default(1),
    description: LocalizedText.optional(),
  })
  .strict()
export type LabModel = z.infer<typeof LabModel>

export const QuizChoice = z.object({ id: Id, text: LocalizedText }).strict()

export const QuizQuestion = z
  .object({
    id: Id,
    prompt: LocalizedText,
    choices: z.array(QuizChoice).min(2).max(6),
    /**
     * Ids of the right choices. Only the server reads these: rooms never send them, and the server
     * removes them from the scene file it serves (marking the quiz `answersRedacted`).
     */
    correct: z.array(Id).min(1).optional(),
    /** True when more than one choice is right; grading is all-or-nothing. Default false. */
    multiple: z.boolean().default(false),
    points: z.number().int().positive().default(1),
    /** Shown to the student after their answer is graded. */
    explanation: LocalizedText.optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const ids = new Set(q.choices.map((c) => c.id))
    if (ids.size !== q.choices.length)
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'choice ids must be unique' })
    for (const id of q.correct ?? [])
      if (!ids.has(id))
        ctx.addIssue({ code: 'custom', path: ['correct'], message: `"${id}" is not one of the choices` })
    if (q.correct && !q.multiple && q.correct.length !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['correct'],
        message: 'a single-choice question has exactly one right choice',
      })
  })
export type QuizQuestion = z.infer<typeof QuizQuestion>

export const Quiz = z
  .object({
    title: LocalizedText,
    questions: z.array(QuizQuestion).min(1),
    /** Set by the server on the copy browsers receive: the answer key was removed. Authors never set it. */
    answersRedacted: z.literal(true).optional(),
  })
  .strict()
  .superRefine((quiz, ctx) => {
    const ids = new Set(quiz.questions.map((q) => q.id))
    if (ids.size !== quiz.questions.length)
      ctx.addIssue({ code: 'custom', path: ['questions'], message: 'question ids must be unique' })
    if (quiz.answersRedacted) return
    quiz.questions.forEach((q, i) => {
      if (!q.correct)
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'correct'],
          message: 'every question needs its right choices',
        })
    })
  })
export type Quiz = z.infer<typeof Quiz>

export const ClassroomLayout = z
  .object({
    /** Centre of the slide screen (on the front wall). */
    screenPosition: Vec3,
    /** Screen size in metres [width, height]. */
    screenSize: z.tuple([z.number().positive(), z.number().positive()]),
    /** Centre of the lab bench top's front edge, on the floor. */
    benchPosition: Vec3,
    /** Where the teacher stands, and where "summon" gathers everyone near. */
    teacherSpot: Vec3,
  })
  .strict()
export type ClassroomLayout = z.infer<typeof ClassroomLayout>

export const ClassroomSettings = z
  .object({
    /** Most members in one room (Hubs recommends 24). Default 30. */
    maxMembers: z.number().int().min(2).max(100).default(30),
    /** How often each member sends its avatar pose, 10–20 Hz. Default 15. */
    avatarRateHz: z.number().min(10).max(20).default(15),
    /** Seconds a dropped member keeps its seat and role while reconnecting. Default 30. */
    reconnectSeconds: z.number().int().min(5).max(300).default(30),
  })
  .strict()
export type ClassroomSettings = z.infer<typeof ClassroomSettings>

export const ClassroomContent = z
  .object({
    layout: ClassroomLayout,
    seats: z.array(Seat).min(1),
    slides: z.array(Slide).min(1),
    labModels: z.array(LabModel).default([]),
    /**
     * Skinned humanoid glTFs (the bones and clips of src/platform/humans) that stand for the teacher and
     * for each student: the head pose a member sends places the body and turns the head.
     */
    avatars: z.object({ teacher: AssetPath, student: AssetPath }).strict(),
    quiz: Quiz,
    settings: ClassroomSettings.prefault({}),
  })
  .strict()
  .superRefine((c, ctx) => {
    for (const [key, list] of [
      ['seats', c.seats],
      ['slides', c.slides],
      ['labModels', c.labModels],
    ] as const) {
      const ids = new Set(list.map((item) => item.id))
      if (ids.size !== list.length)
        ctx.addIssue({ code: 'custom', path: [key], message: `${key} ids must be unique` })
    }
  })
export type ClassroomContent = z.infer<typeof ClassroomContent>
