// The classroom in two real browsers against the real server (Colyseus on the app's port): a teacher on
// desktop (mouse) and a student in VR (IWER-emulated Quest 3, controller ray). Each sees the other's
// avatar, the teacher's next slide reaches the student, a quiz answer round-trips through server
// grading to the student's score and the teacher's live results, with no console errors and no
// request leaving this machine.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClassroomModule } from '../../src/server/classroom/classroom-module'
import { createStaticFilesModule } from '../../src/server/http/static-files'
import { type AppPage, launchChromium, openAppPage, startTestServer } from './harness'
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
const hooks = 'window.__xrShowcase.kinds.classroom'

interface UiView {
  mode: string
  role: string
  selfId: string
  slide: number
  quizPhase: string
  myScore: { score: number; maxScore: number } | null
  results: { rows: Array<{ name: string; score: number }> } | null
  members: Array<{ id: string; name: string; role: string }>
}

async function ui(page: Page): Promise<UiView> {
  return (await page.evaluate(`${hooks}.ui()`)) as UiView
}

async function until(page: Page, expr: string, timeout = 30_000): Promise<void> {
  try {
    await page.waitForFunction(
      `(() => { const c = ${hooks}; if (!c) return false; const u = c.ui(); return !!(${expr}) })()`,
      undefined,
      {
        timeout,
        polling: 200,
      },
    )
  } catch (error) {
    const state = await page.evaluate(`JSON.stringify(${hooks}?.ui())`).catch(() => 'page gone')
    throw new Error(`waiting for ${expr}: ${(error as Error).message}\nstate: ${state}`)
  }
}

describe('classroom: teacher on desktop, student in VR', () => {
  let browser: Browser
  let server: Awaited<ReturnType<typeof startTestServer>>
  let teacher: AppPage
  let student: AppPage
  let studentId = ''

  beforeAll(async () => {
    server = await startTestServer({
      config: { teacherCode: TEACHER_CODE },
      modules: [createStaticFilesModule, createClassroomModule],
    })
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('joins a student in VR with the controller ray, the name typed on the 3D keyboard', async () => {
    student = await openAppPage(browser, server.url, '/?scene=classroom&name=Student', {
      emulateQuest3: true,
    })
    await waitForSceneReady(student.page, 'classroom')
    await enterVR(student.page)
    const press = (key: string) => controllerSelect(student.page, `join-keyboard:key:${key}`)
    await controllerSelect(student.page, 'join-name')
    for (const key of ['clear', 'l', 'i', 'n', 'space', '7', 'enter']) await press(key)
    // Cancel restores the confirmed name: the stray "x" must not reach the server.
    await controllerSelect(student.page, 'join-name')
    for (const key of ['x', 'cancel']) await press(key)
    await controllerSelect(student.page, 'join-submit')
    await until(student.page, "u.mode === 'online' && u.role === 'student'", 60_000)
    studentId = (await ui(student.page)).selfId
    await until(student.page, `u.members.some((m) => m.id === u.selfId && m.name === '${STUDENT_NAME}')`)
  }, 420_000)

  it('then joins the teacher with the keypad code, by mouse on desktop, into the same room', async () => {
    teacher = await openAppPage(browser, server.url, '/?scene=classroom&name=Teacher', {
      // Two pages share software GL; a smaller desktop window keeps the VR page's frames coming.
      viewport: { width: 800, height: 450 },
    })
    await waitForSceneReady(teacher.page, 'classroom')
    await frames(teacher.page, 5)
    const click = async (name: string) =>
      mouseClickAt(teacher.page, await worldPositionOf(teacher.page, name))
    await click('join-role-teacher')
    for (const digit of TEACHER_CODE) await click(`join-key-${digit}`)
    await click('join-submit')
    await until(teacher.page, "u.mode === 'online' && u.role === 'teacher'")
    await until(teacher.page, 'u.members.length === 2')
    expect((await ui(teacher.page)).members.find((m) => m.id === studentId)?.name).toBe(STUDENT_NAME)
    await until(student.page, 'u.members.length === 2', 60_000)
  }, 180_000)

  it('shows each member the other one’s avatar, at head height', { timeout: 120_000 }, async () => {
    // Avatars are posed from the interpolation buffer only once poses arrive (15 Hz).
    await teacher.page.waitForFunction(
      (name) => {
        const p = window.__xrShowcase.worldPositionOf(`avatar-head-${name}`)
        return p !== null && p[1] > 1
      },
      STUDENT_NAME,
      { timeout: 20_000 },
    )
    await student.page.waitForFunction(
      () => {
        const p = window.__xrShowcase.worldPositionOf('avatar-head-Teacher')
        return p !== null && p[1] > 1
      },
      undefined,
      { timeout: 20_000 },
    )
    const seen = (await student.page.evaluate(() =>
      window.__xrShowcase.worldPositionOf('avatar-head-Teacher'),
    )) as number[]
    // The teacher stands at the front (teacher spot z = -4.2), the student sits in the rows.
    expect(seen[2]).toBeLessThan(-3)
  })

  it('moves the student to the next slide when the teacher presses Next', { timeout: 120_000 }, async () => {
    expect((await ui(student.page)).slide).toBe(0)
    await teacher.page.waitForTimeout(1500) // the desktop glide to the teacher spot settles
    await mouseClickAt(teacher.page, await worldPositionOf(teacher.page, 'teacher-next'))
    await until(student.page, 'u.slide === 1')
    expect((await ui(teacher.page)).slide).toBe(1)
  })

  it('round-trips a quiz: teacher starts, student answers in VR, server grades, both see the result', {
    timeout: 180_000,
  }, async () => {
    await mouseClickAt(teacher.page, await worldPositionOf(teacher.page, 'teacher-quiz-start'))
    await until(student.page, "u.quizPhase === 'open'")
    await frames(student.page, 30) // the quiz panel glides into place in front of the student
    // Both pages share software GL: shrink the teacher's window while the student clicks, so the VR page's
    // press and release stay within the pointer click time limit.
    await teacher.page.setViewportSize({ width: 160, height: 90 })
    await controllerSelect(
      student.page,
      await worldPositionOf(student.page, 'quiz-choice-largest-planet-jupiter'),
    )
    await teacher.page.setViewportSize({ width: 800, height: 450 })
    await until(student.page, 'u.myScore && u.myScore.score === 1 && u.myScore.maxScore === 5', 60_000)
    await until(
      teacher.page,
      `u.results && u.results.rows.some((r) => r.name === '${STUDENT_NAME}' && r.score === 1)`,
    )
  })

  it('had no console errors and made no off-machine requests', () => {
    for (const app of [teacher, student]) {
      expect(app.consoleErrors).toEqual([])
      expect(app.offOriginRequests).toEqual([])
    }
  })
})
