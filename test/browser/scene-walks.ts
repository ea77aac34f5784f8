// The states each scene's flow reaches, as steps a page can be walked through: the layout rule test
// checks every one, and `npm run shots` photographs every one. Steps drive the kinds' store actions
// (window.__xrShowcase.act) where pressing is not the point; each kind's own test presses real controls.
// Over 300 lines on purpose: every scene's walk in one list, so the rule test and the shots cover the same states.

import { readFileSync } from 'node:fs'
import { Client, type Room } from '@colyseus/sdk'
import type { Page } from 'playwright-core'
import type { DebugViewName } from '../../src/platform/debug/test-hooks'
import type { TourContent } from '../../src/schema/kinds/tour'
import type { ServerContext, ServerModuleFactory } from '../../src/server/module'
import { defaultModules } from '../../src/server/modules'
import { createTwinModule, type TwinModule } from '../../src/server/twin/twin-module'
import { TEST_OPERATOR_CODE, TEST_TEACHER_CODE } from '../support/server-config'
import { waitFor } from './harness'
import { frames } from './xr-input'

export interface SceneState {
  name: string
  /** Brings the page from the previous state into this one and waits until it is shown. */
  enter(page: Page, server: WalkServer): Promise<void>
}

/** What a walk may do to the test server, besides what a page does: the park's simulator, in the real server. */
export interface WalkServer {
  /** The park's load on `assetId` jumps to `factor` × its contract for `seconds` (an alert follows). */
  spike(parkId: string, assetId: string, seconds: number, factor: number): void
}

/**
 * The server's usual modules, the twin's kept at hand for the walks: a test server started with
 * `modules` serves the walks' `server`.
 */
export function walkServer(): { modules: ServerModuleFactory[]; server: WalkServer } {
  let twin: TwinModule | undefined
  const modules = defaultModules.map((factory) =>
    factory === createTwinModule
      ? async (ctx: ServerContext) => {
          twin = await createTwinModule(ctx)
          return twin
        }
      : factory,
  )
  return {
    modules,
    server: {
      spike: (parkId, assetId, seconds, factor) => {
        const simulator = twin?.simulators.get(parkId)
        if (!simulator?.injectSpike(assetId, seconds, factor))
          throw new Error(`no simulator for ${parkId}/${assetId} on the test server`)
      },
    },
  }
}

export interface SceneWalk {
  /** The walk's name in test titles and shot file names (a scene may be walked in more than one role). */
  id: string
  scene: string
  states: SceneState[]
  /** Undoes what the walk left outside the page (the teacher walk's students), once a view is walked. */
  done?: () => Promise<void>
}

const act = (page: Page, kind: string, action: string, ...args: unknown[]) =>
  page.evaluate(([k, a, rest]) => window.__xrShowcase.act(k, a, ...rest), [kind, action, args] as const)

/**
 * A state is looked at once its downloads are over (in a headset the loading panel stands in front of the
 * visitor until then; the hall's clerks and the controllers arrive after the first frame) and a few
 * frames have drawn it.
 */
const settle = async (page: Page) => {
  await waitFor(page, 'loading', (l) => !l.active, { what: "the scene's loading run over" })
  // A teleport on a desktop is a short glide: the view is read where the camera arrived (the twin's
  // inspection moves the visitor to its first stop).
  await page.waitForFunction(
    () =>
      window.__xrShowcase.xrMode !== null ||
      Math.hypot(
        (window.__xrShowcase.cameraPosition()?.[0] ?? 1e9) -
          (window.__xrShowcase.view('locomotion')?.player[0] ?? 0),
        (window.__xrShowcase.cameraPosition()?.[2] ?? 1e9) -
          (window.__xrShowcase.view('locomotion')?.player[2] ?? 0),
      ) < 0.05,
  )
  await frames(page, 4)
}

type StoreAction = [action: string, ...args: unknown[]]

/** The first state: the kind has mounted (it offers its actions a moment after the scene reports ready). */
const arrival = (name: string, kind: DebugViewName): SceneState => ({
  name,
  enter: async (page) => {
    await waitFor(page, kind, () => true, { what: `the ${kind} kind mounted` })
    await settle(page)
  },
})

/** A state reached by the kind's own store actions, run in order, once the kind's view says it is there. */
function reachedBy<K extends DebugViewName>(
  name: string,
  kind: K,
  actions: StoreAction[],
  until: (view: XrShowcaseDebugViews[K]) => boolean,
  what: string,
): SceneState {
  return {
    name,
    enter: async (page) => {
      for (const [action, ...args] of actions) await act(page, kind, action, ...args)
      await waitFor(page, kind, until, { what })
      await settle(page)
    },
  }
}

const tourStops = (JSON.parse(readFileSync('scenes/red-tourism/scene.json', 'utf8')) as { tour: TourContent })
  .tour.stops

const tour: SceneWalk = {
  id: 'red-tourism',
  scene: 'red-tourism',
  states: [
    arrival('arrival', 'tour'),
    {
      name: 'stop 1 narrating (subtitle)',
      enter: async (page) => {
        await act(page, 'tour', 'goTo', 0)
        await waitFor(page, 'tour', (t) => t.stopIndex === 0 && t.phase === 'narrating', {
          what: 'stop 1 narrates',
          timeout: 60_000,
        })
        await waitFor(page, 'layout', (l) => l.boxes.some((b) => b.path.includes('subtitle')), {
          what: 'the subtitle in its slot',
        })
        await settle(page)
      },
    },
    {
      name: 'hotspot card',
      enter: async (page) => {
        await act(page, 'tour', 'pause')
        // The subtitle leaves with its line: it once stayed after the narration stopped and covered the
        // console (a minimap jump pauses the tour the same way).
        await waitFor(page, 'layout', (l) => !l.boxes.some((b) => b.path.includes('subtitle')), {
          what: 'the subtitle gone once the narration stopped',
        })
        await act(page, 'tour', 'openHotspot', 0)
        await waitFor(page, 'tour', (t) => t.card !== null, { what: 'a hotspot card' })
        await settle(page)
      },
    },
    ...['panorama', 'then-and-now', 'timeline', 'quiz'].map(
      (station): SceneState => ({
        name: `station: ${station}`,
        enter: async (page) => {
          await act(page, 'tour', 'closeCard')
          const index = tourStops.findIndex((s) => s.station === station)
          await act(page, 'tour', 'goTo', index)
          await waitFor(page, 'tour', (t) => t.stopIndex === index && t.phase !== 'walking', {
            what: `the guide at the ${station} stop`,
            timeout: 60_000,
          })
          await act(page, 'tour', 'pause')
          await settle(page)
        },
      }),
    ),
    reachedBy(
      'quiz answered',
      'tour',
      [['answerQuiz', 0]],
      (t) => t.quiz.answers[0] !== null,
      'the first answer',
    ),
    reachedBy('panorama open', 'tour', [['setPanoramaOpen', true]], (t) => t.panoramaOpen, 'the panorama'),
  ],
}

const hall: SceneWalk = {
  id: 'gov-hall',
  scene: 'gov-hall',
  states: [
    arrival('arrival (life events)', 'service-hall'),
    reachedBy(
      'first question',
      'service-hall',
      [['chooseEvent', 'open-restaurant']],
      (v) => v.eventId === 'open-restaurant',
      'the event',
    ),
    reachedBy(
      'plan and checklist',
      'service-hall',
      [
        ['chooseOption', 0],
        ['chooseOption', 0],
      ],
      (v) => v.plan.length > 0,
      'a plan',
    ),
    reachedBy(
      'plan: the matters tab',
      'service-hall',
      [['showPlanTab', 'matters']],
      (v) => v.planTab === 'matters',
      'the matters tab',
    ),
    reachedBy(
      'elderly mode',
      'service-hall',
      [
        ['showPlanTab', 'checklist'],
        ['setElderly', true],
      ],
      (v) => v.elderly,
      'elderly mode',
    ),
    reachedBy(
      'route and ticket',
      'service-hall',
      [['setElderly', false], ['routeToMachine'], ['takeTicket', 'B', 'company-setup']],
      (v) => v.ticket !== null && v.route !== null,
      'a ticket and a route',
    ),
    reachedBy('your turn', 'service-hall', [['callAll']], (v) => v.myCall !== null, 'the visitor called'),
    {
      name: 'clerk with a reply',
      enter: async (page) => {
        const v = await waitFor(page, 'service-hall', (x) => x.myCall !== null)
        await act(page, 'service-hall', 'standAtWindow', v.myCall?.windowId)
        await waitFor(page, 'service-hall', (x) => x.clerkWindowId !== null, { what: 'the clerk' })
        await act(page, 'service-hall', 'askClerk', '需要带什么材料')
        await waitFor(page, 'service-hall', (x) => x.clerkReply !== null, { what: 'a reply' })
        await settle(page)
      },
    },
  ],
}

const shown = (page: Page, panel: string, what: string) =>
  waitFor(page, 'layout', (l) => l.boxes.some((b) => b.path.split('/').includes(panel)), { what })
const gone = (page: Page, panel: string, what: string) =>
  waitFor(page, 'layout', (l) => !l.boxes.some((b) => b.path.split('/').includes(panel)), { what })

/** The alert the factory's spike raises. */
const FACTORY_ALERT = 'power-over-contract@factory'

const twin: SceneWalk = {
  id: 'twin-park',
  scene: 'twin-park',
  states: [
    // The factory's load jumps over its contract on arrival, so the alert panel stands in every later
    // state (it is raised after the rule's 5 s hold, while the asset panel is looked at).
    {
      name: 'arrival',
      enter: async (page, server) => {
        await arrival('arrival', 'twin').enter(page, server)
        server.spike('demo', 'factory', 600, 1.25)
      },
    },
    {
      name: 'asset panel',
      enter: async (page) => {
        await act(page, 'twin', 'selectAsset', 'office-a')
        await shown(page, 'twin-asset-panel', 'the asset panel')
        await settle(page)
      },
    },
    {
      name: 'confirmation',
      enter: async (page) => {
        await waitFor(page, 'twin', (t) => t.alerts.some((a) => a.key === FACTORY_ALERT && !a.acked), {
          what: "the factory's alert raised",
        })
        await act(page, 'twin', 'askToConfirm', 'office-a', 'hvac', 0)
        await shown(page, 'twin-confirm', 'the confirmation')
        await settle(page)
      },
    },
    {
      name: 'replay',
      enter: async (page) => {
        await act(page, 'twin', 'cancelConfirm')
        await gone(page, 'twin-confirm', 'the confirmation closed')
        await act(page, 'twin', 'startReplay')
        await waitFor(page, 'twin', (t) => !t.ui.replay.loading, {
          what: 'the day loaded (or said it is empty)',
        })
        await settle(page)
      },
    },
    {
      name: 'inspection (narrating)',
      enter: async (page) => {
        await act(page, 'twin', 'stopReplay')
        await act(page, 'twin', 'startInspection')
        await shown(page, 'twin-inspection', 'the inspection card')
        await settle(page)
      },
    },
    {
      name: 'operator code for the report',
      enter: async (page) => {
        // Four stops pass and the last fails; saving the report asks for the staff code first.
        for (const result of ['pass', 'pass', 'pass', 'pass', 'fail']) {
          const index = (await waitFor(page, 'twin', () => true)).ui.inspection.index
          await act(page, 'twin', 'markStop', result)
          if (result === 'pass')
            await waitFor(page, 'twin', (t) => t.ui.inspection.index === index + 1, {
              what: `stop ${index + 2}`,
            })
        }
        await shown(page, 'twin-operator', 'the operator code prompt')
        await settle(page)
      },
    },
    reachedBy(
      'inspection report',
      'twin',
      [['submitOperatorCode', TEST_OPERATOR_CODE]],
      (t) => t.ui.inspection.savedId !== null,
      'the saved report',
    ),
  ],
}

const classroom: SceneWalk = {
  id: 'classroom',
  scene: 'classroom',
  states: [
    arrival('join panel', 'classroom'),
    reachedBy('solo visit', 'classroom', [['startSolo']], (c) => c.mode === 'solo', 'the solo visit'),
    // Slide 3 is the scene's image slide: the picture has to load before its caption is placed.
    reachedBy(
      'image slide',
      'classroom',
      [['setSlide', 2]],
      (c) => c.slide === 2 && c.slideImage,
      'the image slide',
    ),
    // The quiz starts folded to its key (the solo visit's state above); the visitor opens it.
    reachedBy(
      'quiz answered',
      'classroom',
      [
        ['showQuiz', true],
        ['answerQuestion', 'largest-planet', ['jupiter']],
      ],
      (c) => c.answered.includes('largest-planet'),
      'an answer',
    ),
    // Every question answered: the score, the restart key and the fold key's row.
    reachedBy(
      'quiz done',
      'classroom',
      [
        ['answerQuestion', 'planet-count', ['eight']],
        ['answerQuestion', 'water-atoms', ['hydrogen', 'oxygen']],
        ['answerQuestion', 'closest-planet', ['venus']],
      ],
      (c) => c.answered.length === 4 && c.myScore !== null,
      'the final score',
    ),
  ],
}

const TEACHER_NAMES = ['王老师', '李老师', '张老师', '赵老师', '陈老师']
let teachers = 0

/**
 * The class the teacher walk teaches: five students on their own devices (Node clients of the test
 * server's room), three pages of the console's member list. The longest names a join allows (24
 * characters) must be cut, not wrap; two hands are up, one on the last page.
 */
const CLASS = [
  { name: 'Alexandra Katherine Wong', hand: true },
  { name: '刘洋', hand: false },
  { name: '阿依古丽·买买提·艾力', hand: false },
  { name: 'Li Hua', hand: false },
  { name: '周杰', hand: true },
]
let students: Room[] = []

/** Seats the class in the teacher's room (by its code), the students of an earlier view gone first. */
async function seatClass(page: Page): Promise<void> {
  await dismissClass()
  const { code } = await waitFor(page, 'classroom', (c) => c.code !== '', { what: 'the class code' })
  const origin = new URL(page.url()).origin
  for (const student of CLASS) {
    const room = await new Client(origin).joinById(code, {
      scene: 'classroom',
      name: student.name,
      role: 'student',
    })
    // Their own graded answers and voice settings: a student device's business, not the walk's.
    room.onMessage('*', () => undefined)
    students.push(room)
    if (student.hand) room.send('voice:hand', { up: true })
  }
}

async function dismissClass(): Promise<void> {
  const leaving = students
  students = []
  await Promise.all(leaving.map((room) => room.leave(true)))
}

const studentsIn = (c: XrShowcaseDebugViews['classroom']) => c.members.filter((m) => m.role === 'student')

/** The teacher's side of a class on the test server's room: the console, its class, a quiz and its results. */
const classroomTeacher: SceneWalk = {
  id: 'classroom-teacher',
  scene: 'classroom',
  states: [
    {
      name: 'teacher console',
      enter: async (page) => {
        await waitFor(page, 'classroom', () => true, { what: 'the classroom mounted' })
        // A name of its own per walk: the last view's teacher is still in the room's reconnection window.
        const teacher = TEACHER_NAMES[teachers++ % TEACHER_NAMES.length]
        await act(page, 'classroom', 'joinAsTeacher', teacher, TEST_TEACHER_CODE)
        await waitFor(page, 'classroom', (c) => c.mode === 'online' && c.role === 'teacher', {
          what: 'the teacher in the room',
        })
        await settle(page)
      },
    },
    {
      name: 'class of five',
      enter: async (page) => {
        await seatClass(page)
        await waitFor(
          page,
          'classroom',
          (c) => studentsIn(c).length === CLASS.length && studentsIn(c).filter((m) => m.hand).length === 2,
          { what: 'five students, two hands up' },
        )
        await settle(page)
      },
    },
    reachedBy(
      'last member page',
      'classroom',
      [['showMemberPage', 2]],
      (c) => c.memberPage === 2,
      "the member list's last page",
    ),
    {
      name: 'quiz results',
      enter: async (page) => {
        await act(page, 'classroom', 'startQuiz')
        await waitFor(page, 'classroom', (c) => c.quizPhase === 'open', { what: 'the quiz open' })
        for (const room of students)
          room.send('quiz:answer', { questionId: 'largest-planet', choiceIds: ['jupiter'] })
        await waitFor(page, 'classroom', (c) => c.results?.rows.length === CLASS.length, {
          what: "every student's result",
        })
        await settle(page)
      },
    },
    reachedBy('quiz ended', 'classroom', [['endQuiz']], (c) => c.quizPhase === 'closed', 'the quiz closed'),
  ],
  done: dismissClass,
}

export const SCENE_WALKS: SceneWalk[] = [tour, hall, twin, classroom, classroomTeacher]
