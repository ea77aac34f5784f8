// Scene data for the "service-hall" kind: the hall's layout, the service catalogue (matters, materials,
// windows), life events with their decision trees, and queue settings. src/kinds/service-hall turns it into an experience.

import { z } from 'zod'
import { ID_PATTERN } from '../../shared/scene-id'
import { AssetPath, LocalizedText, Vec3 } from '../common'

const Id = z.string().regex(ID_PATTERN, 'ids are lowercase letters, digits and dashes')

/** A fixture standing on the floor. rotationY in degrees; 0 means its front faces +Z (towards the entrance). */
const Fixture = z
  .object({
    position: Vec3,
    rotationY: z.number().default(0),
  })
  .strict()

export const ServiceWindow = z
  .object({
    id: Id,
    /** The number painted above the window, e.g. 3 for "3号窗口". */
    number: z.number().int().positive(),
    /** The business-area sign, e.g. 企业开办. */
    area: LocalizedText,
    /** Ticket letter of the queue this window calls from, e.g. "A". */
    queue: z.string().regex(/^[A-Z]$/, 'a queue is one capital letter'),
    /** The general window (综合窗口) that takes every question the catalogue cannot answer. */
    general: z.boolean().default(false),
    ...Fixture.shape,
  })
  .strict()
export type ServiceWindow = z.infer<typeof ServiceWindow>

export const HallLayout = z
  .object({
    /** Width (x) and depth (z) of the hall in metres, centred on the origin. */
    size: z.tuple([z.number().positive(), z.number().positive()]),
    wallHeight: z.number().positive().default(4.5),
    entrance: Fixture,
    guidanceDesk: Fixture,
    ticketMachine: Fixture,
    callScreen: Fixture,
    /** Centre of the seating area; `size` is its carpet's width (x) and depth (z) in metres. */
    waitingArea: Fixture.extend({ size: z.tuple([z.number().positive(), z.number().positive()]) }).strict(),
    selfService: Fixture.extend({ terminals: z.number().int().min(1).max(8) }).strict(),
    windows: z.array(ServiceWindow).min(8, 'a service hall needs at least eight numbered windows'),
    /**
     * glTF models the kind repeats itself, as one instanced draw per material: the counter at every window
     * (front faces +Z, 1.8 m wide) and the seat row filling the waiting area (2.3 m long, seats face +Z);
     * the clerk standing behind every counter, a humanoid glTF (src/platform/humans, facing +Z).
     */
    models: z.object({ window: AssetPath, seatRow: AssetPath, clerk: AssetPath }).strict(),
  })
  .strict()
export type HallLayout = z.infer<typeof HallLayout>

/** One document or item a visitor brings. Shared by id across matters so a merged checklist lists it once. */
export const Material = z
  .object({
    id: Id,
    name: LocalizedText,
    /** E.g. "原件及复印件一份". */
    note: LocalizedText.optional(),
  })
  .strict()
export type Material = z.infer<typeof Material>

export const Faq = z.object({ q: LocalizedText, a: LocalizedText }).strict()
export type Faq = z.infer<typeof Faq>

export const Matter = z
  .object({
    id: Id,
    name: LocalizedText,
    /** Other names people use for it (e.g. 营业执照, 办社保卡); searched like the name. */
    aliases: z.array(LocalizedText).default([]),
    department: LocalizedText,
    /** Window ids that handle it; the first is where route guidance leads. */
    windows: z.array(Id).min(1),
    /** Material ids from the catalogue's `materials`. */
    materials: z.array(Id).min(1),
    steps: z.array(LocalizedText).min(1),
    /** Material ids this matter hands out (e.g. 营业执照), so a checklist can say a later matter gets them here. */
    produces: z.array(Id).default([]),
    /** Working days the law allows, and the days this hall promises (0 = on the spot). */
    timeLimit: z
      .object({
        statutoryDays: z.number().int().min(0),
        promisedDays: z.number().int().min(0),
      })
      .strict(),
    fee: LocalizedText,
    online: z
      .object({
        mode: z.enum(['full', 'partial', 'none']),
        note: LocalizedText,
      })
      .strict(),
    faqs: z.array(Faq).min(1),
  })
  .strict()
export type Matter = z.infer<typeof Matter>

/** A choice in a life event's decision tree: it adds matters and either asks the next question or ends. */
export const DecisionOption = z
  .object({
    label: LocalizedText,
    adds: z.array(Id).default([]),
    next: Id.optional(),
  })
  .strict()
export type DecisionOption = z.infer<typeof DecisionOption>

export const DecisionQuestion = z
  .object({
    id: Id,
    text: LocalizedText,
    options: z.array(DecisionOption).min(2),
  })
  .strict()
export type DecisionQuestion = z.infer<typeof DecisionQuestion>

/** "我要办…": a life event such as opening a restaurant, leading through a few questions to matters. */
export const LifeEvent = z
  .object({
    id: Id,
    title: LocalizedText,
    summary: LocalizedText,
    /** Matters every path through this event needs. */
    always: z.array(Id).default([]),
    /** The first question's id; omitted when the event needs no questions. */
    start: Id.optional(),
    questions: z.array(DecisionQuestion).default([]),
  })
  .strict()
export type LifeEvent = z.infer<typeof LifeEvent>

export const QueueSettings = z
  .object({
    /** People already waiting in each queue when the visitor arrives. */
    peopleAhead: z.number().int().min(0).max(20).default(3),
    /** First ticket number of the day handed to the simulated crowd, e.g. 17 → A017. */
    firstNumber: z.number().int().min(1).max(899).default(17),
    /** Seconds between two calls in the simulation, so a visitor sees the queue move within a minute. */
    callIntervalSeconds: z.number().positive().max(120).default(6),
    /** Real-life minutes one visitor takes at a window, for the estimated-wait shown on the ticket. */
    averageServiceMinutes: z.number().positive().max(60).default(8),
  })
  .strict()
export type QueueSettings = z.infer<typeof QueueSettings>

export const ServiceHallContent = z
  .object({
    /** Shown on signs and on the printed checklist, e.g. 市民服务中心. Generic, never a real city's hall. */
    hallName: LocalizedText,
    /** Shown under every answer and checklist: this is a demonstration, not any city's official rules. */
    disclaimer: LocalizedText,
    layout: HallLayout,
    materials: z.array(Material).min(1),
    matters: z.array(Matter).min(12, 'the catalogue needs at least 12 matters'),
    lifeEvents: z.array(LifeEvent).min(1),
    queue: QueueSettings.default({
      peopleAhead: 3,
      firstNumber: 17,
      callIntervalSeconds: 6,
      averageServiceMinutes: 8,
    }),
  })
  .strict()
  .superRefine((content, ctx) => {
    const unique = (ids: string[], path: string[]) => {
      const seen = new Set<string>()
      ids.forEach((id, i) => {
        if (seen.has(id))
          ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `duplicate id "${id}"` })
        seen.add(id)
      })
      return seen
    }
    const windowIds = unique(
      content.layout.windows.map((w) => w.id),
      ['layout', 'windows'],
    )
    const numbers = new Set<number>()
    content.layout.windows.forEach((w, i) => {
      if (numbers.has(w.number))
        ctx.addIssue({
          code: 'custom',
          path: ['layout', 'windows', i, 'number'],
          message: `window number ${w.number} used twice`,
        })
      numbers.add(w.number)
    })
    if (!content.layout.windows.some((w) => w.general))
      ctx.addIssue({
        code: 'custom',
        path: ['layout', 'windows'],
        message: 'one window must be the general window (general: true)',
      })
    const materialIds = unique(
      content.materials.map((m) => m.id),
      ['materials'],
    )
    const matterIds = unique(
      content.matters.map((m) => m.id),
      ['matters'],
    )
    unique(
      content.lifeEvents.map((e) => e.id),
      ['lifeEvents'],
    )
    content.matters.forEach((matter, i) => {
      matter.windows.forEach((id, j) => {
        if (!windowIds.has(id))
          ctx.addIssue({
            code: 'custom',
            path: ['matters', i, 'windows', j],
            message: `unknown window "${id}"`,
          })
      })
      matter.produces.forEach((id, j) => {
        if (!materialIds.has(id))
          ctx.addIssue({
            code: 'custom',
            path: ['matters', i, 'produces', j],
            message: `unknown material "${id}"`,
          })
      })
      matter.materials.forEach((id, j) => {
        if (!materialIds.has(id))
          ctx.addIssue({
            code: 'custom',
            path: ['matters', i, 'materials', j],
            message: `unknown material "${id}"`,
          })
      })
    })
    content.lifeEvents.forEach((event, i) => {
      const questionIds = new Map(event.questions.map((q) => [q.id, q]))
      const checkMatters = (ids: string[], path: (string | number)[]) => {
        ids.forEach((id, j) => {
          if (!matterIds.has(id))
            ctx.addIssue({
              code: 'custom',
              path: ['lifeEvents', i, ...path, j],
              message: `unknown matter "${id}"`,
            })
        })
      }
      checkMatters(event.always, ['always'])
      if (event.start && !questionIds.has(event.start))
        ctx.addIssue({
          code: 'custom',
          path: ['lifeEvents', i, 'start'],
          message: `unknown question "${event.start}"`,
        })
      event.questions.forEach((q, qi) => {
        q.options.forEach((option, oi) => {
          checkMatters(option.adds, ['questions', qi, 'options', oi, 'adds'])
          if (option.next && !questionIds.has(option.next))
            ctx.addIssue({
              code: 'custom',
              path: ['lifeEvents', i, 'questions', qi, 'options', oi, 'next'],
              message: `unknown question "${option.next}"`,
            })
        })
      })
      // A decision tree must end: walking from the start may never revisit a question.
      const visit = (id: string, seen: Set<string>): boolean => {
        if (seen.has(id)) return false
        const q = questionIds.get(id)
        if (!q) return true
        const next = new Set(seen).add(id)
        return q.options.every((o) => !o.next || visit(o.next, next))
      }
      if (event.start && !visit(event.start, new Set()))
        ctx.addIssue({
          code: 'custom',
          path: ['lifeEvents', i, 'questions'],
          message: 'the decision tree loops back on itself',
        })
      if (!event.start && event.always.length === 0)
        ctx.addIssue({
          code: 'custom',
          path: ['lifeEvents', i],
          message: 'a life event needs questions or matters',
        })
    })
  })
export type ServiceHallContent = z.infer<typeof ServiceHallContent>
