// Scene data for the "tour" kind: a guided memorial tour with a digital-human guide, hotspots, a minimap,
// a 360° panorama, a then-and-now view, a timeline and a closing quiz. src/kinds/tour turns it into an experience.
// Over 300 lines on purpose: the whole tour format in one file, which the JSON Schema and the format docs follow.

import { z } from 'zod'
import { ID_PATTERN } from '../../shared/scene-id'
import { AssetPath, Color, LocalizedText, Vec3 } from '../common'

const Id = z.string().regex(ID_PATTERN, 'ids are lowercase letters, digits and dashes')
const Xz = z.tuple([z.number(), z.number()])

/** A narration: text always (it is also the subtitle), a recorded audio file when there is one. */
export const Narration = z
  .object({
    text: LocalizedText,
    /** Same-origin audio file; without it the platform speaks the text (Web Speech) or shows timed subtitles. */
    audio: AssetPath.optional(),
  })
  .strict()
export type Narration = z.infer<typeof Narration>

/** What the visitor looks at during a stop; `target` names the exhibit or station it belongs to. */
export const StationType = z.enum(['overview', 'exhibit', 'panorama', 'then-and-now', 'timeline', 'quiz'])
export type StationType = z.infer<typeof StationType>

export const TourStop = z
  .object({
    id: Id,
    title: LocalizedText,
    /** Where the guide stands while narrating this stop. */
    guidePosition: Vec3,
    /** Where the visitor is teleported to in "teleport-with-guide" mode; also the spot the guide waits for. */
    visitorPosition: Vec3,
    /** Visitor yaw in degrees after teleporting (0 looks down -Z). */
    visitorYaw: z.number().default(0),
    narration: Narration,
    station: StationType,
    /** Id of the exhibit or station this stop presents (required except for "overview"). */
    target: Id.optional(),
  })
  .strict()
export type TourStop = z.infer<typeof TourStop>

export const ExhibitType = z.enum(['display-case', 'plaque', 'diorama', 'wall-map', 'monument'])
export type ExhibitType = z.infer<typeof ExhibitType>

/** A physical exhibit in the hall: drawn by the kind (case, plaque, diorama, map) with its lit caption. */
export const Exhibit = z
  .object({
    id: Id,
    type: ExhibitType,
    /** Floor position for free-standing exhibits; wall exhibits use their centre. */
    position: Vec3,
    /** Degrees around Y; 0 faces +Z. */
    rotationY: z.number().default(0),
    title: LocalizedText,
    /** The caption printed on the exhibit's plaque. Keep it short: it is read at arm's length. */
    caption: LocalizedText,
    /** Optional glTF model placed at the exhibit (e.g. a display case). */
    model: AssetPath.optional(),
    /** Optional picture shown on the exhibit (the map on a wall map, a photo on a plaque). */
    image: AssetPath.optional(),
  })
  .strict()
export type Exhibit = z.infer<typeof Exhibit>

/** A 3D hotspot: selecting it opens an info card with text and an image. */
export const Hotspot = z
  .object({
    id: Id,
    position: Vec3,
    title: LocalizedText,
    text: LocalizedText,
    image: AssetPath,
    /** The exhibit it sits on, if any (for the minimap legend and the guide's pointing). */
    exhibit: Id.optional(),
  })
  .strict()
export type Hotspot = z.infer<typeof Hotspot>

export const Minimap = z
  .object({
    /** The world rectangle (x, z) drawn on the map. */
    min: Xz,
    max: Xz,
    title: LocalizedText,
  })
  .strict()
  .refine((m) => m.min[0] < m.max[0] && m.min[1] < m.max[1], { message: 'minimap min must be below max' })
export type Minimap = z.infer<typeof Minimap>

/** A hotspot inside a panorama, placed by direction from the viewer. */
export const PanoramaHotspot = z
  .object({
    id: Id,
    /** Degrees around Y, 0 looks down -Z, counter-clockwise seen from above (like the scene's yaw). */
    yaw: z.number(),
    /** Degrees above the horizon. */
    pitch: z.number().min(-80).max(80).default(0),
    title: LocalizedText,
    text: LocalizedText,
    image: AssetPath.optional(),
  })
  .strict()
export type PanoramaHotspot = z.infer<typeof PanoramaHotspot>

export const PanoramaStation = z
  .object({
    id: Id,
    title: LocalizedText,
    /** The entry portal's floor position. */
    position: Vec3,
    /** An equirectangular (2:1) image shipped in public/. */
    image: AssetPath,
    /** Shown on the portal so visitors know it is an illustration or a photograph. */
    credit: LocalizedText,
    hotspots: z.array(PanoramaHotspot).default([]),
  })
  .strict()
export type PanoramaStation = z.infer<typeof PanoramaStation>

export const ThenNowImage = z.object({ image: AssetPath, caption: LocalizedText }).strict()

export const ThenAndNowStation = z
  .object({
    id: Id,
    title: LocalizedText,
    /** Centre of the frame. */
    position: Vec3,
    rotationY: z.number().default(0),
    historical: ThenNowImage,
    present: ThenNowImage,
  })
  .strict()
export type ThenAndNowStation = z.infer<typeof ThenAndNowStation>

export const TimelineEvent = z
  .object({
    id: Id,
    year: z.number().int(),
    /** Month 1–12 when known, to order events inside a year. */
    month: z.number().int().min(1).max(12).optional(),
    day: z.number().int().min(1).max(31).optional(),
    title: LocalizedText,
    text: LocalizedText,
  })
  .strict()
export type TimelineEvent = z.infer<typeof TimelineEvent>

export const TimelineStation = z
  .object({
    id: Id,
    title: LocalizedText,
    position: Vec3,
    rotationY: z.number().default(0),
    startYear: z.number().int(),
    endYear: z.number().int(),
    events: z.array(TimelineEvent).min(1),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.startYear >= t.endYear)
      ctx.addIssue({ code: 'custom', path: ['endYear'], message: 'endYear must be after startYear' })
    t.events.forEach((e, i) => {
      if (e.year < t.startYear || e.year > t.endYear) {
        ctx.addIssue({
          code: 'custom',
          path: ['events', i, 'year'],
          message: `year must be within ${t.startYear}–${t.endYear}`,
        })
      }
    })
  })
export type TimelineStation = z.infer<typeof TimelineStation>

export const QuizQuestion = z
  .object({
    id: Id,
    prompt: LocalizedText,
    options: z.array(LocalizedText).min(2).max(4),
    /** Index into options of the right answer. */
    answer: z.number().int().min(0),
    /** Shown after answering: where in the tour the answer was told. */
    explanation: LocalizedText.optional(),
  })
  .strict()
  .refine((q) => q.answer < q.options.length, {
    message: 'answer must index one of the options',
    path: ['answer'],
  })
export type QuizQuestion = z.infer<typeof QuizQuestion>

export const QuizStation = z
  .object({
    id: Id,
    title: LocalizedText,
    position: Vec3,
    rotationY: z.number().default(0),
    questions: z.array(QuizQuestion).min(1).max(10),
  })
  .strict()
export type QuizStation = z.infer<typeof QuizStation>

/** The memorial hall drawn by the kind: a box with its door centred on the +Z wall. */
export const MemorialHall = z
  .object({
    min: Xz,
    max: Xz,
    height: z.number().positive().default(6),
    doorWidth: z.number().positive().default(4),
    title: LocalizedText,
  })
  .strict()
  .refine((h) => h.min[0] < h.max[0] && h.min[1] < h.max[1], { message: 'hall min must be below max' })
export type MemorialHall = z.infer<typeof MemorialHall>

export const TourTheme = z
  .object({
    /** Walls, columns and banners. */
    primary: Color.default('#a8161b'),
    /** Trim, lettering and lamps. */
    accent: Color.default('#d4a72c'),
    floor: Color.default('#5b4a3c'),
    wall: Color.default('#efe4cf'),
  })
  .strict()
export type TourTheme = z.infer<typeof TourTheme>

export const VisitorMode = z.enum(['teleport-with-guide', 'free-walk'])
export type VisitorMode = z.infer<typeof VisitorMode>

export const TourContent = z
  .object({
    /** Default visitor mode; visitors can switch in the tour console. */
    visitorMode: VisitorMode.default('teleport-with-guide'),
    theme: TourTheme.default({ primary: '#a8161b', accent: '#d4a72c', floor: '#5b4a3c', wall: '#efe4cf' }),
    guide: z
      .object({
        name: LocalizedText,
        /** A skinned humanoid glTF with the bones and clips of src/platform/humans/humanoid-contract.ts (scripts/models/humanoid.ts builds them). */
        model: AssetPath,
        start: Vec3,
        /** Walking speed in m/s. */
        speed: z.number().positive().default(1.4),
      })
      .strict(),
    hall: MemorialHall.optional(),
    stops: z.array(TourStop).min(1),
    exhibits: z.array(Exhibit).default([]),
    hotspots: z.array(Hotspot).default([]),
    minimap: Minimap,
    panorama: PanoramaStation.optional(),
    thenAndNow: ThenAndNowStation.optional(),
    timeline: TimelineStation.optional(),
    quiz: QuizStation.optional(),
  })
  .strict()
  .superRefine((tour, ctx) => {
    // Cross references are checked here so an author sees "stops[3].target" instead of a blank station.
    const stationIds = new Map<string, StationType>()
    for (const e of tour.exhibits) stationIds.set(e.id, 'exhibit')
    if (tour.panorama) stationIds.set(tour.panorama.id, 'panorama')
    if (tour.thenAndNow) stationIds.set(tour.thenAndNow.id, 'then-and-now')
    if (tour.timeline) stationIds.set(tour.timeline.id, 'timeline')
    if (tour.quiz) stationIds.set(tour.quiz.id, 'quiz')
    tour.stops.forEach((stop, i) => {
      if (stop.station === 'overview') return
      if (!stop.target) {
        ctx.addIssue({
          code: 'custom',
          path: ['stops', i, 'target'],
          message: `a "${stop.station}" stop needs a target id`,
        })
        return
      }
      const found = stationIds.get(stop.target)
      if (found !== stop.station) {
        ctx.addIssue({
          code: 'custom',
          path: ['stops', i, 'target'],
          message: found
            ? `"${stop.target}" is a ${found}, not a ${stop.station}`
            : `no ${stop.station} with id "${stop.target}" in this tour`,
        })
      }
    })
    const reportDuplicates = (key: string, ids: string[]) => {
      const seen = new Set<string>()
      ids.forEach((id, i) => {
        if (seen.has(id))
          ctx.addIssue({ code: 'custom', path: [key, i, 'id'], message: `duplicate id "${id}"` })
        seen.add(id)
      })
    }
    reportDuplicates(
      'stops',
      tour.stops.map((s) => s.id),
    )
    reportDuplicates(
      'exhibits',
      tour.exhibits.map((e) => e.id),
    )
    reportDuplicates(
      'hotspots',
      tour.hotspots.map((h) => h.id),
    )
    tour.hotspots.forEach((h, i) => {
      if (h.exhibit && stationIds.get(h.exhibit) !== 'exhibit') {
        ctx.addIssue({
          code: 'custom',
          path: ['hotspots', i, 'exhibit'],
          message: `no exhibit with id "${h.exhibit}"`,
        })
      }
    })
  })
export type TourContent = z.infer<typeof TourContent>
