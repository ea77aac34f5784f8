// Issue 12: the guide speaks from a file this server ships, not the device's voice; the subtitle
// pages follow that audio and leave when it ends; the guide's mouth follows the audio's real level,
// closed in the file's own pauses between sentences.
import { describe, expect, it } from 'vitest'
import type { NarrationIndex } from '../../src/shared/narration-index'
import { openAppPage, waitFor } from './harness'
import { browserAndServer } from './rig'
import { mouseClickAt, waitForSceneReady } from './xr-input'

const rig = browserAndServer()

interface Sample {
  /** Seconds into the file. */
  t: number
  level: number
  /** The subtitle page on screen. */
  page: string | null
}

/**
 * Samples the narration in the page every 20 ms until it stops speaking: time in the file, the level
 * the mouth reads, and the subtitle page shown. A string, so no bundler helper leaks into the page.
 */
const SAMPLE_UNTIL_SILENT = `new Promise((resolve) => {
  const samples = []
  const timer = setInterval(() => {
    const n = window.__xrShowcase.view('narration')
    if (!n || !n.speaking || !n.audio) {
      clearInterval(timer)
      resolve(samples)
      return
    }
    const texts = window.__xrShowcase.view('ui').textsUnder('subtitle-bar')
    samples.push({ t: n.audio.currentTime, level: n.level, page: texts ? texts[0] : null })
  }, 20)
})`

describe('narration', () => {
  it('the tour speaks a stop from its shipped file; the subtitle and the mouth follow that audio', async () => {
    const index = (await (
      await fetch(`${rig.server.url}/scenes/red-tourism/narration.json`)
    ).json()) as NarrationIndex
    const line = index.lines['stop-welcome'].zh
    expect(line?.file, 'the build voiced the first stop in Chinese').toMatch(
      /^\/audio\/narration\/red-tourism\/stop-welcome\.zh\.[0-9a-f]+\.mp3$/,
    )
    const sentences = line!.sentences!
    expect(sentences.length).toBeGreaterThanOrEqual(2)

    // The fast narration setting plays the file at 1.25×: times in the file are unchanged, the wait shorter.
    const app = await openAppPage(rig.browser, rig.server.url, '/?scene=red-tourism&lang=zh', {
      localStorage: {
        'xr-showcase:settings': JSON.stringify({ state: { narrationRate: 1.25 }, version: 1 }),
      },
    })
    const { page } = app
    await waitForSceneReady(page, 'red-tourism')
    // Counts any use of the device's own voice.
    await page.evaluate(`(() => {
      window.__deviceVoiceUses = 0
      const speak = speechSynthesis.speak.bind(speechSynthesis)
      speechSynthesis.speak = (u) => { window.__deviceVoiceUses++; speak(u) }
    })()`)
    await mouseClickAt(page, 'tour:play')
    const started = await waitFor(page, 'narration', (n) => n.audio !== null && n.audio.currentTime > 0, {
      what: 'the first stop plays its audio file',
    })
    expect(started.source).toBe('audio')
    expect(started.file).toBe(line!.file)
    expect(started.subtitle).toBe(line!.text)

    const samples = (await page.evaluate(SAMPLE_UNTIL_SILENT)) as Sample[]
    const duration = line!.ms! / 1000
    expect(samples.length, 'sampled the narration while it played').toBeGreaterThan(100)
    expect(samples.at(-1)!.t, 'the narration played to its end').toBeGreaterThan(duration - 0.5)

    // The mouth: open while a sentence is spoken, closed in the pauses between sentences. A made-up
    // speech rhythm (the old sine) would not close on cue.
    const within = (from: number, to: number) => samples.filter((s) => s.t >= from && s.t <= to)
    for (let i = 0; i + 1 < sentences.length; i++) {
      const end = (sentences[i].at + sentences[i].ms) / 1000
      const next = sentences[i + 1].at / 1000
      const pause = within(end + 0.12, next - 0.12)
      expect(pause.length, `samples in pause ${i + 1}`).toBeGreaterThan(3)
      expect(Math.max(...pause.map((s) => s.level)), `the mouth rests in pause ${i + 1}`).toBeLessThan(0.08)
    }
    const speech = within(sentences[0].at / 1000 + 0.3, (sentences[0].at + sentences[0].ms) / 1000 - 0.3)
    const median = speech.map((s) => s.level).sort((a, b) => a - b)[Math.floor(speech.length / 2)]
    expect(median, 'the mouth moves while the first sentence is spoken').toBeGreaterThan(0.15)

    // The subtitle pages turn where the audio is, shared out by their length, not by a reading clock.
    // The bar breaks Chinese lines itself; compare characters.
    const pages = [...new Set(samples.map((s) => s.page?.replace(/\s/g, '')).filter((p): p is string => !!p))]
    expect(pages.length, 'a long narration is paged').toBeGreaterThanOrEqual(2)
    expect(pages.join(''), 'the pages are the narration').toBe(line!.text.replace(/\s/g, ''))
    const turned = samples.find((s) => s.page?.replace(/\s/g, '') === pages[1])!.t / duration
    const expected = [...pages[0]].length / [...pages.join('')].length
    expect(Math.abs(turned - expected), 'page 2 comes when the audio reaches it').toBeLessThan(0.08)

    // When the audio ends, the subtitle leaves and the tour moves on from narrating.
    await waitFor(page, 'narration', (n) => !n.speaking, {
      what: 'the narration ends with its audio',
    })
    await waitFor(page, 'tour', (s) => s.phase !== 'narrating', { what: 'the tour leaves narrating' })
    expect(await page.evaluate(() => window.__xrShowcase.view('ui')?.textsUnder('subtitle-bar'))).toBeNull()
    expect(await page.evaluate('window.__deviceVoiceUses')).toBe(0)
  }, 120_000)
})
