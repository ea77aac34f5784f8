// Live voice in the classroom, in two real Chromium pages against the real server, with Chromium's fake
// microphone (a beep): the teacher's voice reaches the student (audio bytes received and a level above
// silence, both as the student's browser measured them with getStats), push-to-talk starts and stops the
// sending, a student given the floor is heard by the teacher, and a muted student is not. Both desktop
// pages are small (software GL pays per pixel). The floor rules and the signalling contract are unit-tested
// in test/unit/shared/voice/; the relay's refusals in test/integration/voice-relay.test.ts.
import { afterAll, describe, expect, it } from 'vitest'
import { SPEAKING_LEVEL } from '../../src/platform/voice-chat/level-meter'
import { createClassroomModule } from '../../src/server/classroom/classroom-module'
import { createStaticFilesModule } from '../../src/server/http/static-files'
import { type AppPage, openAppPage, waitFor } from './harness'
import { browserAndServer } from './rig'
import { debugVoice, expectBytesFrom, received, sent, stableCount } from './voice-measure'
import { frames, mouseClickAt, waitForSceneReady } from './xr-input'

const TEACHER_CODE = '135790'
// The default size: at 640×360 the English page's DOM hint line lies over the join panel's role buttons.
const VIEWPORT = { width: 800, height: 450 }

describe('classroom live voice', () => {
  const rig = browserAndServer(
    { config: { teacherCode: TEACHER_CODE }, modules: [createStaticFilesModule, createClassroomModule] },
    { fakeMedia: true },
  )
  const pages: AppPage[] = []
  afterAll(async () => {
    for (const app of pages) await app.context.close().catch(() => undefined)
  })

  it('the teacher is heard while talking, a student with the floor is heard, a muted one is not', {
    timeout: 180_000,
  }, async () => {
    const open = async (name: string) => {
      const app = await openAppPage(rig.browser, rig.server.url, `/?scene=classroom&name=${name}`, {
        viewport: VIEWPORT,
      })
      pages.push(app)
      await waitForSceneReady(app.page, 'classroom')
      await frames(app.page, 3)
      return app.page
    }
    // One page in each language (VOICE_LANGS=en,zh swaps them), so both labels are seen working.
    const [teacherLang, studentLang] = (process.env.VOICE_LANGS ?? 'zh,en').split(',')
    const [teacher, student] = await Promise.all([
      open(`Teacher&lang=${teacherLang}`),
      open(`Lin&lang=${studentLang}`),
    ])

    // Both join by their panels' buttons (a press: the page may play audio).
    await mouseClickAt(student, 'join-submit')
    const studentId = (
      await waitFor(student, 'classroom', (v) => v.mode === 'online', { what: 'the student online' })
    ).selfId
    await mouseClickAt(teacher, 'join-role-teacher')
    for (const digit of TEACHER_CODE) await mouseClickAt(teacher, `join-key-${digit}`)
    await mouseClickAt(teacher, 'join-submit')
    const teacherId = (
      await waitFor(teacher, 'classroom', (v) => v.mode === 'online' && v.members.length === 2, {
        what: 'the teacher online with the student',
      })
    ).selfId

    // The teacher may speak (microphone on) and connects to the student, sending nothing until T is held.
    await waitFor(teacher, 'voice', (v) => v.mic === 'on' && v.canSpeak, { what: "the teacher's microphone" })
    await waitFor(
      student,
      'voice',
      (v) => v.connections?.incoming.some((i) => i.id === teacherId && i.state === 'connected') ?? false,
      { what: "the student's connection from the teacher" },
    )
    // The teacher's side reports its end of the same connection a moment later.
    const teacherSide = await waitFor(
      teacher,
      'voice',
      (v) => v.connections?.outgoing.some((o) => o.id === studentId && o.state === 'connected') ?? false,
      { what: "the teacher's connection to the student" },
    )
    expect(teacherSide.connections?.outgoing).toEqual([{ id: studentId, state: 'connected', sending: false }])

    // Push-to-talk: T held sends, and the student's browser receives audio above silence.
    await teacher.keyboard.down('KeyT')
    await waitFor(teacher, 'voice', (v) => v.talking, { what: 'the teacher talking' })
    await expectBytesFrom(student, teacherId)
    // A level above silence: the student's meter on the received voice (Web Audio, what the avatar's ring
    // shows), and the browser's own audio energy for that stream when it reports one.
    await waitFor(
      student,
      'voice',
      (v) => (v.connections?.incoming.find((i) => i.id === teacherId)?.peak ?? 0) > SPEAKING_LEVEL,
      { what: "the teacher's voice above silence, as the student hears it" },
    )

    // T released: the sender holds no track and its packets stop, as the student receives them too.
    await teacher.keyboard.up('KeyT')
    await waitFor(
      teacher,
      'voice',
      (v) => !v.talking && v.connections?.outgoing.every((o) => !o.sending) === true,
      { what: 'the teacher stopped' },
    )
    const stopped = await stableCount(async () => (await sent(teacher, studentId))?.packetsSent ?? -1)
    const heard = await stableCount(async () => (await received(student, teacherId))?.packetsReceived ?? -1)
    expect(stopped).toBeGreaterThan(0)
    expect(heard).toBeGreaterThan(0)

    // The student raises a hand; the teacher gives the floor; the student's talk button sends to the teacher.
    await mouseClickAt(student, 'voice-hand')
    await waitFor(teacher, 'classroom', (v) => v.members.some((m) => m.id === studentId && m.hand), {
      what: "the student's hand up for the teacher",
    })
    await mouseClickAt(teacher, 'teacher-floor-Lin')
    await waitFor(student, 'voice', (v) => v.canSpeak && v.mic === 'on', {
      what: 'the student given the floor',
    })
    await mouseClickAt(student, 'voice-talk')
    await waitFor(student, 'voice', (v) => v.talking, { what: 'the student talking' })
    await expectBytesFrom(teacher, studentId)
    await waitFor(
      teacher,
      'voice',
      (v) => (v.connections?.incoming.find((i) => i.id === studentId)?.peak ?? 0) > SPEAKING_LEVEL,
      { what: "the student's voice above silence, as the teacher hears it" },
    )

    // Muted: the student stops sending at once and the teacher no longer hears them, even with T held.
    await mouseClickAt(teacher, 'teacher-mute-Lin')
    await waitFor(
      student,
      'voice',
      (v) => !v.canSpeak && !v.talking && v.connections?.outgoing.length === 0,
      {
        what: 'the muted student sending nothing',
      },
    )
    await waitFor(teacher, 'voice', (v) => !v.connections?.incoming.some((i) => i.id === studentId), {
      what: "the teacher's connection from the muted student closed",
    })
    await student.keyboard.down('KeyT')
    await frames(student, 5)
    const muted = await debugVoice(student)
    await student.keyboard.up('KeyT')
    expect(muted.talking).toBe(false)
    expect(muted.connections?.outgoing).toEqual([])
    expect(await received(teacher, studentId)).toBeNull()
    // VOICE_SHOTS=<dir>: the two pages' voice UI, for a person to look at (no verdict is taken from pixels).
    if (process.env.VOICE_SHOTS) {
      await student.keyboard.up('KeyT')
      await mouseClickAt(student, 'voice-hand')
      await frames(teacher, 10)
      await teacher.screenshot({ path: `${process.env.VOICE_SHOTS}/teacher-${teacherLang}.png` })
      await student.screenshot({ path: `${process.env.VOICE_SHOTS}/student-${studentLang}.png` })
    }
    // The student still hears the teacher (only their own voice is muted).
    expect((await debugVoice(student)).connections?.incoming.map((i) => i.id)).toEqual([teacherId])
  })
})
