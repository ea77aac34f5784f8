// The classroom in two real browsers against the real server (Colyseus on the app's port): a teacher on
// desktop (mouse) and a student in VR (IWER-emulated Quest 3, controller ray). One lesson, as one test
// because every step needs the room the steps before it built: the student joins with a typed name, the
// teacher joins with the keypad code, each sees the other's avatar, Next reaches the student, and a quiz
// answer round-trips through server grading to the student's score and the teacher's live results; then
// two students more (Node clients) page the teacher's member list, which the teacher turns with the mouse.
// (Room rules, grading and HTTP contracts are covered without a browser in test/integration/classroom-*.)
// Just over 300 lines: that one lesson and the helpers its two pages share.
import { readFileSync } from 'node:fs'
import { Client } from '@colyseus/sdk'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ClassroomDebugView } from '../../src/kinds/classroom/debug'
import { createClassroomModule } from '../../src/server/classroom/classroom-module'
import { createStaticFilesModule } from '../../src/server/http/static-files'
import {
  type AppPage,
  debugView,
  drawsUnder,
  launchChromium,
  openAppPage,
  startTestServer,
  waitFor,
} from './harness'
import {
  controllerSelect,
  enterVR,
  frames,
  mouseClickAt,
  waitForSceneReady,
  worldPositionOf,
} from './xr-input'

type Page = AppPage['page']
const TEACHER_CODE = '246810'
/** What the VR student types on the 3D keyboard, replacing the ?name= the page opened with. */
const STUDENT_NAME = 'lin 7'
const SCENE = JSON.parse(readFileSync('scenes/classroom/scene.json', 'utf8')) as {
  classroom: {
    layout: { teacherSpot: [number, number, number] }
    seats: Array<{ position: [number, number, number] }>
  }
}
const TEACHER_SPOT = SCENE.classroom.layout.teacherSpot

function untilClassroom(
  page: Page,
  what: string,
  predicate: (view: ClassroomDebugView) => boolean,
  timeout?: number,
): Promise<ClassroomDebugView> {
  return waitFor(page, 'classroom', predicate, { what, timeout })
}

/** Waits until an avatar's head is posed above the floor (poses arrive at the scene's 15 Hz). */
/**
 * Where a member's avatar head is once it stands at head height (and, with `maxZ`, in front of that line:
 * a desktop teacher glides to the front after joining, and the pose on the way there arrives first).
 */
async function avatarHeadAt(page: Page, name: string, maxZ = 1e9): Promise<[number, number, number]> {
  const head = await page.waitForFunction(
    ([n, z]) => {
      const p = window.__xrShowcase.worldPositionOf(`avatar-head-${n}`)
      return p !== null && p[1] > 1 && p[2] < z ? p : null
    },
    [name, maxZ] as const,
    { timeout: 30_000 },
  )
  return (await head.jsonValue()) as [number, number, number]
}

describe('classroom: teacher on desktop, student in VR', () => {
  let browser: Browser
  let server: Awaited<ReturnType<typeof startTestServer>>
  const pages: AppPage[] = []

  beforeAll(async () => {
    server = await startTestServer({
      config: { teacherCode: TEACHER_CODE },
      modules: [createStaticFilesModule, createClassroomModule],
    })
    browser = await launchChromium()
  })

  afterAll(async () => {
    for (const app of pages) await app.context.close().catch(() => undefined)
    await browser?.close()
    await server?.close()
  })

  it('runs a lesson: both join, see each other, turn a slide, round-trip a quiz answer and page the class', {
    timeout: 600_000,
  }, async () => {
    // 1. The student joins in VR with the controller ray, the name typed on the 3D keyboard.
    const student = await openAppPage(browser, server.url, '/?scene=classroom&name=Student', {
      emulateQuest3: true,
    })
    pages.push(student)
    await waitForSceneReady(student.page, 'classroom')
    await enterVR(student.page)
    // In the headset the join panel is one picture per eye (its background, keys and texts drew four draws
    // each); its hidden keys still take the ray, as the typing below shows.
    await expect
      .poll(async () => {
        const stand = await drawsUnder(student.page, 'join-stand')
        return { paths: stand.paths, expected: Array(stand.views).fill('join-stand/flat-layer') }
      })
      .toSatisfy(({ paths, expected }) => paths.join() === expected.join())
    const press = (key: string) => controllerSelect(student.page, `join-keyboard:key:${key}`)
    await controllerSelect(student.page, 'join-name')
    for (const key of ['clear', 'l', 'i', 'n', 'space', '7', 'enter']) await press(key)
    // Cancel restores the confirmed name: the stray "x" must not reach the server.
    await controllerSelect(student.page, 'join-name')
    for (const key of ['x', 'cancel']) await press(key)
    await controllerSelect(student.page, 'join-submit')
    const joined = await untilClassroom(
      student.page,
      'the student online under the typed name',
      (v) => v.mode === 'online' && v.members.some((m) => m.id === v.selfId && m.name === STUDENT_NAME),
      60_000,
    )
    expect(joined.role).toBe('student')
    expect(joined.members.find((m) => m.id === joined.selfId)).toMatchObject({
      name: STUDENT_NAME,
      role: 'student',
    })
    const studentId = joined.selfId

    // 2. The teacher joins by mouse on desktop with the keypad code, into the same room.
    const teacher = await openAppPage(browser, server.url, '/?scene=classroom&name=Teacher', {
      // Two pages share software GL; a smaller desktop window keeps the VR page's frames coming.
      viewport: { width: 800, height: 450 },
    })
    pages.push(teacher)
    await waitForSceneReady(teacher.page, 'classroom')
    await frames(teacher.page, 5)
    const click = (name: string) => mouseClickAt(teacher.page, name)
    await click('join-role-teacher')
    for (const digit of TEACHER_CODE) await click(`join-key-${digit}`)
    await click('join-submit')
    const teacherView = await untilClassroom(
      teacher.page,
      'the teacher online with the student in the room',
      (v) => v.mode === 'online' && v.role === 'teacher' && v.members.length === 2,
    )
    expect(teacherView.code).toBe(joined.code)
    expect(teacherView.members.find((m) => m.id === studentId)?.name).toBe(STUDENT_NAME)
    await untilClassroom(
      student.page,
      'the student to see the teacher',
      (v) => v.members.length === 2,
      60_000,
    )

    // 3. Each sees the other's avatar at head height; the teacher stands at the front.
    const studentHead = await avatarHeadAt(teacher.page, STUDENT_NAME)
    const teacherHead = await avatarHeadAt(student.page, 'Teacher', -3)
    expect(studentHead[1]).toBeGreaterThan(1)
    expect(teacherHead[2]).toBeLessThan(-3)
    // ...as their role's skinned figure, not a floating head.
    await untilClassroom(teacher.page, "the student's figure", (v) =>
      v.figures.some((f) => f.memberId === studentId && f.role === 'student'),
    )
    await untilClassroom(student.page, "the teacher's figure", (v) =>
      v.figures.some((f) => f.role === 'teacher'),
    )

    // 4. Next on the teacher's console reaches the student. The console is clicked once the desktop
    // glide to the teacher spot has ended (the camera then sits exactly above the spot).
    expect((await debugView(student.page, 'classroom'))?.slide).toBe(0)
    await teacher.page.waitForFunction(
      ([x, z]) => {
        const c = window.__xrShowcase.cameraPosition()
        return c !== null && Math.hypot(c[0] - x, c[2] - z) < 0.001
      },
      [TEACHER_SPOT[0], TEACHER_SPOT[2]],
      { timeout: 30_000 },
    )
    await mouseClickAt(teacher.page, 'teacher-next')
    await untilClassroom(student.page, 'the student on slide 2', (v) => v.slide === 1)
    expect((await debugView(teacher.page, 'classroom'))?.slide).toBe(1)

    // 5. A quiz: the teacher starts it, the student answers in VR, the server grades, both see the result.
    // The results board that appears stands in the console's fit already: the key the teacher pressed
    // stays where it was (it becomes 结束测验 in the same place), so a second click lands on it.
    const startKey = await worldPositionOf(teacher.page, 'teacher-quiz-start')
    await mouseClickAt(teacher.page, 'teacher-quiz-start')
    await untilClassroom(student.page, 'the quiz open for the student', (v) => v.quizPhase === 'open')
    await teacher.page.waitForFunction(() => window.__xrShowcase.isShown('teacher-results'))
    expect(await worldPositionOf(teacher.page, 'teacher-quiz-end')).toEqual(startKey)
    await frames(student.page, 30) // the quiz panel glides into place in front of the student
    // Both pages share software GL: shrink the teacher's window while the student clicks, so the VR page's
    // press and release stay within the pointer click time limit.
    await teacher.page.setViewportSize({ width: 160, height: 90 })
    await controllerSelect(student.page, 'quiz-choice-largest-planet-jupiter')
    await teacher.page.setViewportSize({ width: 800, height: 450 })
    const graded = await untilClassroom(
      student.page,
      'the student’s graded score',
      (v) => v.myScore !== null,
      60_000,
    )
    expect(graded.myScore).toEqual({ score: 1, maxScore: 5 })
    expect(graded.answered).toEqual(['largest-planet'])
    const results = await untilClassroom(
      teacher.page,
      'the student in the teacher’s live results',
      (v) => (v.results?.rows.length ?? 0) > 0,
    )
    expect(results.results?.rows).toEqual([
      { memberId: studentId, name: STUDENT_NAME, score: 1, answered: 1 },
    ])
    expect(results.results?.maxScore).toBe(5)

    // 6. The teacher locks movement: the student is told so (there was no notice before).
    await teacher.page.setViewportSize({ width: 800, height: 450 })
    await mouseClickAt(teacher.page, 'teacher-lock')
    await untilClassroom(
      student.page,
      'the lock notice for the student',
      (v) => v.notice === 'movementLocked',
    )
    await student.page.waitForFunction(() => window.__xrShowcase.isShown('class-notice'))
    expect(
      await student.page.evaluate(() => window.__xrShowcase.view('ui')?.textsUnder('class-notice')),
    ).toEqual(['老师已锁定移动，请留在座位上'])

    // 7. Two more students join from their own devices: the console keeps its height and pages its member
    // list, two a page. A hand raised on page 2 marks the › key; the teacher clicks it and reaches that row.
    const consoleKey = await worldPositionOf(teacher.page, 'teacher-next')
    const more = []
    for (const name of ['Li Hua', 'Zhou Jie'])
      more.push(
        await new Client(server.url).joinById(joined.code, { scene: 'classroom', name, role: 'student' }),
      )
    for (const room of more) room.onMessage('*', () => undefined)
    more[1].send('voice:hand', { up: true })
    await teacher.page.waitForFunction(() => window.__xrShowcase.isShown('teacher-members-next'))
    await untilClassroom(teacher.page, 'the hand raised on page 2', (v) =>
      v.members.some((m) => m.name === 'Zhou Jie' && m.hand),
    )
    expect(await worldPositionOf(teacher.page, 'teacher-next')).toEqual(consoleKey)
    expect(await teacher.page.evaluate(() => window.__xrShowcase.isShown('teacher-floor-Zhou Jie'))).toBe(
      false,
    )
    await mouseClickAt(teacher.page, 'teacher-members-next')
    await teacher.page.waitForFunction(() => window.__xrShowcase.isShown('teacher-floor-Zhou Jie'))
    expect((await debugView(teacher.page, 'classroom'))?.memberPage).toBe(1)
    await mouseClickAt(teacher.page, 'teacher-floor-Zhou Jie')
    await untilClassroom(teacher.page, 'the floor given from page 2', (v) =>
      v.members.some((m) => m.name === 'Zhou Jie' && m.floor),
    )
    await Promise.all(more.map((room) => room.leave(true)))

    // 8. Nothing went wrong on either page, and nothing left this machine.
    for (const app of [teacher, student]) {
      expect(app.consoleErrors).toEqual([])
      expect(app.offOriginRequests).toEqual([])
    }
  })

  it('keeps the join panel still when 教师 is chosen, its slides read from the farthest seat, a solo quiz folds away from them, and a solo visit survives a reload', {
    timeout: 300_000,
  }, async () => {
    const app = await openAppPage(browser, server.url, '/?scene=classroom', {
      viewport: { width: 1024, height: 640 },
    })
    pages.push(app)
    const { page } = app
    await waitForSceneReady(page, 'classroom')
    await frames(page, 5)
    // The panel never re-lays itself out under the pointer: the controls stay where they were.
    const controls = ['join-name', 'join-role-student', 'join-role-teacher', 'join-submit', 'join-solo']
    const where = () => Promise.all(controls.map((n) => worldPositionOf(page, n)))
    const before = await where()
    await mouseClickAt(page, 'join-role-teacher')
    await page.waitForFunction(() => window.__xrShowcase.worldPositionOf('join-key-1') !== null)
    expect(await where()).toEqual(before)
    await mouseClickAt(page, 'join-role-student')
    await mouseClickAt(page, 'join-solo')
    await untilClassroom(page, 'solo mode', (v) => v.mode === 'solo')
    const view = await untilClassroom(
      page,
      'the slide texts laid out',
      (v) => v.slideTexts.texts.length >= 2 && v.slideTexts.texts.every((t) => Number.isFinite(t.capDeg)),
    )
    // Seen from the seat farthest from the screen's far corner, seated (eye 1.2 m) and standing (1.6 m).
    const seats = SCENE.classroom.seats.map((s) => s.position)
    const far = seats.reduce((a, b) =>
      Math.hypot(b[0] + 3, b[2] + 6) > Math.hypot(a[0] + 3, a[2] + 6) ? b : a,
    )
    for (const eye of [1.2, 1.6]) {
      const seen = await page.evaluate((p) => window.__xrShowcase.view('classroom')!.slideTextsFrom(p), [
        far[0],
        eye,
        far[2],
      ] as [number, number, number])
      expect(seen.texts.map((t) => t.name).sort()).toEqual(view.slideTexts.texts.map((t) => t.name).sort())
      for (const t of seen.texts)
        expect(t.capDeg, `${t.name} from ${far} at ${eye} m: ${t.text.slice(0, 30)}`).toBeGreaterThanOrEqual(
          0.9,
        )
    }
    // And every text lies on the screen, none overlapping another.
    for (const t of view.slideTexts.texts) expect(t.inside, `${t.name} inside the screen`).toBe(true)
    expect(view.slideTexts.overlaps).toEqual([])
    // The quiz starts folded to one key, so it does not cover the slides; the key opens it on its first
    // question, and its fold key puts it away again. (Not answered here: the lesson above left a live
    // quiz running in this server's room, and the server grades no solo answer while one runs.)
    expect(view.quizShown, 'the solo quiz folded at first').toBe(false)
    await mouseClickAt(page, 'quiz-open')
    await untilClassroom(page, 'the quiz opened', (v) => v.quizShown)
    await page.waitForFunction(
      () => window.__xrShowcase.worldPositionOf('quiz-choice-largest-planet-jupiter') !== null,
    )
    await mouseClickAt(page, 'quiz-fold')
    await untilClassroom(page, 'the quiz folded again', (v) => !v.quizShown)
    // Issue 10 item 6 (here, not in visit-state.test.ts, to load the classroom once): solo survives a reload.
    await page.reload()
    await waitForSceneReady(page, 'classroom')
    const after = await untilClassroom(
      page,
      'the classroom out of the join panel after the reload',
      (v) => v.mode !== 'join',
    )
    expect(after.mode).toBe('solo')
  })
})
