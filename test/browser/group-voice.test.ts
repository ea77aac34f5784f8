// Live voice in a docent-led tour group, in real Chromium pages against the real server, with Chromium's
// fake microphone (a beep): the docent's voice reaches a visitor (audio bytes received and a level above
// silence, as the visitor's browser measured them); a visitor raises a hand, the docent gives the floor,
// and the docent and the rest of the group hear them; a visitor who refused the microphone is told it is
// off and still hears everyone. Each page answers the microphone prompt itself (fakeMedia 'per-page'). The
// classroom's voice is tested in voice.test.ts with the same measurements; the floor rules in
// test/unit/shared/voice/, the group room's relay in test/integration/tour-group.test.ts.
import { describe, expect, it } from 'vitest'
import { SPEAKING_LEVEL } from '../../src/platform/voice-chat/level-meter'
import { type AppPage, type OpenPageOptions, openAppPage, waitFor } from './harness'
import { browserAndServer } from './rig'
import { debugVoice, expectBytesFrom, received } from './voice-measure'
import { frames, mouseClickAt, waitForSceneReady } from './xr-input'

const rig = browserAndServer({}, { fakeMedia: 'per-page' })
const SMALL = { width: 640, height: 360 }
/** GROUP_SHOTS=<dir> keeps screenshots of the panels for a person to look at (not part of the check). */
const shot = async (app: AppPage, name: string) => {
  if (process.env.GROUP_SHOTS) await app.page.screenshot({ path: `${process.env.GROUP_SHOTS}/${name}.png` })
}

const lang = process.env.VOICE_LANG ?? 'en'

async function scenePage(path: string, options: OpenPageOptions): Promise<AppPage> {
  const app = await openAppPage(rig.browser, rig.server.url, path, { viewport: SMALL, ...options })
  await waitForSceneReady(app.page, 'red-tourism')
  await frames(app.page, 3)
  return app
}

/** The level the page's meter read on the voice it receives from `from` peaked above silence. */
async function heardAboveSilence(app: AppPage, from: string, what: string): Promise<void> {
  await waitFor(
    app.page,
    'voice',
    (v) => (v.connections?.incoming.find((i) => i.id === from)?.peak ?? 0) > SPEAKING_LEVEL,
    { what },
  )
}

/** A docent's page opens a group (microphone granted); `join` brings a visitor in by the group's link. */
async function openGroup() {
  const docent = await scenePage(`/?scene=red-tourism&lang=${lang}`, { microphone: 'granted' })
  await mouseClickAt(docent.page, 'tour:group')
  await mouseClickAt(docent.page, 'group:lead')
  const opened = await waitFor(
    docent.page,
    'tour',
    (t) => t.group.role === 'docent' && t.group.code !== null,
    {
      what: 'the docent has a group code',
    },
  )
  const code = opened.group.code ?? ''
  const docentView = await waitFor(docent.page, 'voice', (v) => v.mic === 'on' && v.canSpeak, {
    what: "the docent's microphone on",
  })
  const join = async (microphone: 'granted' | 'denied') => {
    const visitor = await scenePage(`/?scene=red-tourism&group=${code}&lang=${lang}`, { microphone })
    await waitFor(visitor.page, 'tour', (t) => t.group.role === 'visitor' && t.group.code === code, {
      what: 'the visitor in the group',
    })
    return visitor
  }
  return { docent, docentId: docentView.connections?.selfId ?? '', join }
}

const selfId = async (app: AppPage) => (await debugVoice(app.page)).connections?.selfId ?? ''

describe('docent group live voice', () => {
  it("the docent's voice reaches a visitor in the group", { timeout: 180_000 }, async () => {
    const lang = process.env.VOICE_LANG ?? 'en'
    const docent = await scenePage(`/?scene=red-tourism&lang=${lang}`, { microphone: 'granted' })
    await mouseClickAt(docent.page, 'tour:group')
    await mouseClickAt(docent.page, 'group:lead')
    const code =
      (
        await waitFor(docent.page, 'tour', (t) => t.group.role === 'docent' && t.group.code !== null, {
          what: 'the docent has a group code',
        })
      ).group.code ?? ''
    const docentView = await waitFor(docent.page, 'voice', (v) => v.mic === 'on' && v.canSpeak, {
      what: "the docent's microphone on",
    })
    const docentId = docentView.connections?.selfId ?? ''

    const visitor = await scenePage(`/?scene=red-tourism&group=${code}&lang=${lang}`, {
      microphone: 'granted',
    })
    await waitFor(visitor.page, 'tour', (t) => t.group.role === 'visitor' && t.group.code === code, {
      what: 'the visitor in the group',
    })
    // A press on the visitor's page: a visitor who came by the QR link has not touched the page yet, and
    // the browser lets its audio run only after a gesture.
    await mouseClickAt(visitor.page, 'group-code', { logsClick: false })
    await waitFor(
      visitor.page,
      'voice',
      (v) => v.connections?.incoming.some((i) => i.id === docentId && i.state === 'connected') ?? false,
      { what: "the visitor's connection from the docent" },
    )
    // A visitor listens: no microphone asked for, nothing sent.
    const listening = await debugVoice(visitor.page)
    expect(listening.canSpeak).toBe(false)
    expect(listening.mic).toBe('idle')
    expect(listening.connections?.outgoing).toEqual([])

    // The docent holds T: the visitor's browser receives audio above silence.
    await docent.page.keyboard.down('KeyT')
    await waitFor(docent.page, 'voice', (v) => v.talking, { what: 'the docent talking' })
    await expectBytesFrom(visitor.page, docentId)
    await heardAboveSilence(visitor, docentId, "the docent's voice above silence, as the visitor hears it")
    await shot(docent, `docent-talking-${lang}`)
    await docent.page.keyboard.up('KeyT')
    await waitFor(docent.page, 'voice', (v) => !v.talking, { what: 'the docent stopped' })
  })

  it('a visitor given the floor is heard by the docent and the group; one who refused the microphone still hears everyone', {
    timeout: 300_000,
  }, async () => {
    const { docent, docentId, join } = await openGroup()
    const speaker = await join('granted')
    const refuser = await join('denied')
    const speakerId = await selfId(speaker)
    const refuserId = await selfId(refuser)

    // Both raise a hand by its button (a press: the page may play audio), the speaker first.
    await mouseClickAt(speaker.page, 'group:hand')
    await waitFor(docent.page, 'tour', (t) => t.group.hands.length === 1, { what: "the speaker's hand up" })
    await mouseClickAt(refuser.page, 'group:hand')
    const hands = await waitFor(docent.page, 'tour', (t) => t.group.hands.length === 2, {
      what: 'two hands up, first raised first',
    })
    expect(hands.group.hands).toEqual([speakerId, refuserId])

    // The docent gives the floor to the first hand: the speaker's microphone is asked for and they talk.
    await mouseClickAt(docent.page, 'group:floor')
    await waitFor(speaker.page, 'voice', (v) => v.canSpeak && v.mic === 'on', {
      what: 'the speaker given the floor, microphone on',
    })
    expect((await debugVoice(refuser.page)).mic).toBe('idle')
    await mouseClickAt(speaker.page, 'group:visitor-talk')
    await waitFor(speaker.page, 'voice', (v) => v.talking, { what: 'the speaker talking' })
    await expectBytesFrom(docent.page, speakerId)
    await heardAboveSilence(docent, speakerId, "the speaker's voice above silence, as the docent hears it")
    await expectBytesFrom(refuser.page, speakerId)
    await heardAboveSilence(
      refuser,
      speakerId,
      "the speaker's voice above silence, as another visitor hears it",
    )
    await shot(speaker, `visitor-floor-${lang}`)
    await shot(docent, `docent-floor-given-${lang}`)

    // The docent takes the floor back: the speaker stops sending, and nobody keeps a connection from them.
    await mouseClickAt(docent.page, 'group:floor')
    await waitFor(
      speaker.page,
      'voice',
      (v) => !v.canSpeak && !v.talking && v.connections?.outgoing.length === 0,
      { what: 'the speaker without the floor, sending nothing' },
    )
    await waitFor(docent.page, 'voice', (v) => !v.connections?.incoming.some((i) => i.id === speakerId), {
      what: "the docent's connection from the speaker closed",
    })

    // The floor to the next hand, who refused the microphone: they are told it is off and send nothing.
    await mouseClickAt(docent.page, 'group:floor')
    const refused = await waitFor(refuser.page, 'voice', (v) => v.canSpeak && v.mic === 'denied', {
      what: "the refuser given the floor, the browser's refusal seen",
    })
    expect(refused.talking).toBe(false)
    expect(refused.connections?.outgoing).toEqual([])
    await waitFor(refuser.page, 'tour', (t) => t.group.selfFloor && t.group.voiceNote === 'groupMicDenied', {
      what: 'the panel saying the microphone is off',
    })
    await shot(refuser, `visitor-mic-off-${lang}`)
    // …and still hear the docent.
    await docent.page.keyboard.down('KeyT')
    await waitFor(docent.page, 'voice', (v) => v.talking, { what: 'the docent talking' })
    const before = (await received(refuser.page, docentId))?.bytesReceived ?? 0
    await expectBytesFrom(refuser.page, docentId, before + 2000)
    await heardAboveSilence(refuser, docentId, "the docent's voice above silence, as the refuser hears it")
    await docent.page.keyboard.up('KeyT')
  })
})
