// Voices every line a scene speaks, in Chinese and English, with eSpeak NG (Debian's `espeak-ng`,
// fully offline; docs/voice.md says why it and not a neural voice) and encodes it with Debian's `lame` as MP3, which every
// supported browser plays (Quest, Pico, Safari). Writes public/audio/narration/<scene>/ with one file
// per line and language and an index.json the server and the app read. A file's name carries a hash
// of its text and voice, so an unchanged line is never synthesised twice and browsers never keep a
// stale one; files no line uses any more are removed.
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import pLimit from 'p-limit'
import { hallSpokenLines } from '../../src/kinds/service-hall/logic/spoken-lines'
import { tourSpokenLines } from '../../src/kinds/tour/logic/spoken-lines'
import { twinSpokenLines } from '../../src/kinds/twin/logic/spoken-lines'
import type { Scene, SceneKind } from '../../src/schema/scene-schema'
import { validateSceneText } from '../../src/schema/scene-validation'
import { listSceneIds } from '../../src/server/scenes/scene-folder'
import {
  type LineAudio,
  NARRATION_LANGS,
  type NarrationIndex,
  type NarrationLang,
  type SpokenLine,
} from '../../src/shared/narration-index'
import { sentencesOf, speakableChinese } from './speech-text'

export const NARRATION_DIR = 'public/audio/narration'
export const NARRATION_URL = '/audio/narration'

/** What each kind says out loud, named in the kind's logic/spoken-lines.ts. */
const SPOKEN_LINES: { [K in SceneKind]: (scene: Extract<Scene, { kind: K }>) => SpokenLine[] } = {
  tour: (scene) => tourSpokenLines(scene.tour),
  'service-hall': (scene) => hallSpokenLines(scene.serviceHall),
  twin: (scene) => twinSpokenLines(scene.twin),
  // The classroom's voice is the teacher's own (live voice); it narrates nothing.
  classroom: () => [],
}

/** Every line scene `scene` speaks: what the build voices and the index names. */
export function sceneSpokenLines(scene: Scene): SpokenLine[] {
  return (SPOKEN_LINES[scene.kind] as (s: Scene) => SpokenLine[])(scene)
}

/** The voice per language, and everything else that changes the sound; part of every file's hash. */
const VOICES: Record<NarrationLang, { voice: string; latinVoice?: string; wordsPerMinute: number }> = {
  // About 3.5 characters a second with pauses: a museum guide's pace for first-time listeners.
  // `cmn-latn-pinyin`, not `cmn`: Debian's eSpeak NG 1.51 `cmn` reads many characters as their pinyin
  // spelt in English, tone number and all (您 "nin two", 好 "hao three"; `espeak-ng -x` shows `(en)`).
  // A text with Latin letters (a ticket's queue letter) keeps `cmn`, which says them as English
  // letters, as a hall's announcer does.
  zh: { voice: 'cmn-latn-pinyin', latinVoice: 'cmn', wordsPerMinute: 160 },
  en: { voice: 'en-us', wordsPerMinute: 160 },
}
const SAMPLE_RATE = 22050
const KBPS = 32 // speech at 22 kHz mono; 48 sounded no different and is half as large again
const PAUSE_MS = 450 // a spoken full stop; long enough that a mouth visibly closes between sentences
const PEAK = 0.89 // −1 dBFS: eSpeak's own output touches full scale and clips in MP3.
const SYNTH_VERSION = 1

interface VoicedLine {
  line: string
  lang: NarrationLang
  audio: LineAudio
  synthesised: boolean
}

export interface NarrationBuild {
  scenes: number
  lines: number
  synthesised: number
  /** Set when espeak-ng or lame is missing: nothing was voiced, and the app falls back to the device's voice. */
  missingSynthesiser?: string
}

/** The Debian programs this step needs that the machine lacks. */
export function missingTools(): string[] {
  return ['espeak-ng', 'lame'].filter((tool) => spawnSync(tool, ['--version']).status !== 0)
}

export async function buildNarrationAudio(root: string): Promise<NarrationBuild> {
  const scenesDir = join(root, 'scenes')
  const outDir = join(root, NARRATION_DIR)
  const result: NarrationBuild = { scenes: 0, lines: 0, synthesised: 0 }
  const missing = missingTools()
  if (missing.length > 0)
    result.missingSynthesiser = `${missing.join(' and ')} not installed (apt-get install ${missing.join(' ')})`
  for (const id of listSceneIds(scenesDir)) {
    const validated = validateSceneText(readFileSync(join(scenesDir, id, 'scene.json'), 'utf8'), id)
    // A broken scene is reported by check:scenes; it simply gets no audio here.
    if (!validated.ok) continue
    const scene = validated.scene
    const lines = sceneSpokenLines(scene)
    const sceneDir = join(outDir, id)
    mkdirSync(sceneDir, { recursive: true })
    const index: NarrationIndex = { lines: {} }
    const keep = new Set(['index.json'])
    // Lines are voiced two at a time, one per core. Without the tools, lines voiced before keep their
    // files and the index still names every other line and its text, so a venue's recordings in the
    // scene folder are found all the same.
    const twoAtATime = pLimit(2)
    const voiced: VoicedLine[] = await Promise.all(
      lines.flatMap((line) =>
        NARRATION_LANGS.filter((lang) => line.text[lang]).map((lang) =>
          twoAtATime(() =>
            voiceLine(
              sceneDir,
              `${NARRATION_URL}/${id}`,
              line.id,
              lang,
              line.text[lang],
              line.pauseAfterMs ?? 0,
              missing.length === 0,
            ),
          ),
        ),
      ),
    )
    for (const line of lines) {
      const entry: NarrationIndex['lines'][string] = {}
      for (const lang of NARRATION_LANGS) {
        const found = voiced.find((v) => v.line === line.id && v.lang === lang)
        if (!found) continue
        const { audio, synthesised } = found
        entry[lang] = audio
        const mp3 = audio.file?.split('/').pop()
        if (mp3) keep.add(mp3).add(mp3.replace(/\.mp3$/, '.json'))
        if (synthesised) result.synthesised++
      }
      index.lines[line.id] = entry
      result.lines++
    }
    writeFileSync(join(sceneDir, 'index.json'), `${JSON.stringify(index)}\n`)
    for (const name of readdirSync(sceneDir)) if (!keep.has(name)) rmSync(join(sceneDir, name))
    result.scenes++
  }
  return result
}

async function voiceLine(
  dir: string,
  url: string,
  lineId: string,
  lang: NarrationLang,
  text: string,
  pauseAfterMs: number,
  canSynthesise: boolean,
): Promise<VoicedLine> {
  const voice = VOICES[lang]
  // A trailing pause is hashed only when a line has one, so lines without keep their files.
  const settings = [SYNTH_VERSION, voice, SAMPLE_RATE, KBPS, PAUSE_MS, text]
  if (pauseAfterMs > 0) settings.push(pauseAfterMs)
  const hash = createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 10)
  const name = `${lineId}.${lang}.${hash}`
  const timingFile = join(dir, `${name}.json`)
  const mp3File = join(dir, `${name}.mp3`)
  let synthesised = false
  if (!existsSync(mp3File) || !existsSync(timingFile)) {
    // Without the tools a line keeps its text (a recording can still replace it), not a stale file.
    if (!canSynthesise) return { line: lineId, lang, audio: { text }, synthesised: false }
    const { pcm, sentences } = await synthesise(text, lang, pauseAfterMs)
    await encodeMp3(pcm, mp3File)
    writeFileSync(timingFile, JSON.stringify({ ms: (pcm.length / SAMPLE_RATE) * 1000, sentences }))
    synthesised = true
  }
  const timing = JSON.parse(readFileSync(timingFile, 'utf8')) as Pick<LineAudio, 'ms' | 'sentences'>
  return { line: lineId, lang, audio: { text, file: `${url}/${name}.mp3`, ...timing }, synthesised }
}

/** The line as 16-bit mono PCM: each sentence voiced on its own, a pause between them (and after, if asked). */
async function synthesise(
  text: string,
  lang: NarrationLang,
  pauseAfterMs: number,
): Promise<{ pcm: Int16Array; sentences: { at: number; ms: number }[] }> {
  const pieces: Float32Array[] = []
  const sentences: { at: number; ms: number }[] = []
  const pause = new Float32Array(Math.round((SAMPLE_RATE * PAUSE_MS) / 1000))
  let length = 0
  const voiced = await Promise.all(
    sentencesOf(text, lang).map((s) => espeak(lang === 'zh' ? speakableChinese(s) : s, lang)),
  )
  for (const raw of voiced) {
    const samples = trimSilence(raw)
    if (pieces.length > 0) {
      pieces.push(pause)
      length += pause.length
    }
    sentences.push({ at: (length / SAMPLE_RATE) * 1000, ms: (samples.length / SAMPLE_RATE) * 1000 })
    pieces.push(samples)
    length += samples.length
  }
  if (pauseAfterMs > 0) {
    const tail = new Float32Array(Math.round((SAMPLE_RATE * pauseAfterMs) / 1000))
    pieces.push(tail)
    length += tail.length
  }
  let peak = 0
  for (const p of pieces) for (const v of p) peak = Math.max(peak, Math.abs(v))
  const gain = peak > 0 ? PEAK / peak : 1
  const pcm = new Int16Array(length)
  let at = 0
  for (const p of pieces) {
    for (let i = 0; i < p.length; i++) pcm[at + i] = Math.round(p[i] * gain * 32767)
    at += p.length
  }
  return { pcm, sentences }
}

async function espeak(text: string, lang: NarrationLang): Promise<Float32Array> {
  const { voice, latinVoice, wordsPerMinute } = VOICES[lang]
  const name = latinVoice && /[A-Za-z]/.test(text) ? latinVoice : voice
  return wavSamples(await run('espeak-ng', ['-v', name, '-s', String(wordsPerMinute), '--stdout', text]))
}

/** Runs one of the Debian tools: its stdout, or an error with its stderr. */
function run(command: string, args: string[], stdin?: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args)
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (b: Buffer) => out.push(b))
    child.stderr.on('data', (b: Buffer) => err.push(b))
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0
        ? resolve(Buffer.concat(out))
        : reject(new Error(`${command} failed: ${Buffer.concat(err).toString()}`)),
    )
    child.stdin.end(stdin)
  })
}

/** The samples of eSpeak's 16-bit mono WAV; its header sizes are unset when it writes to a pipe. */
function wavSamples(wav: Buffer): Float32Array {
  const data = wav.indexOf('data', 12, 'latin1')
  const rate = wav.readUInt32LE(24)
  if (data < 0 || rate !== SAMPLE_RATE) throw new Error(`unexpected espeak-ng output (rate ${rate})`)
  const start = data + 8
  const count = Math.floor((wav.length - start) / 2)
  const out = new Float32Array(count)
  for (let i = 0; i < count; i++) out[i] = wav.readInt16LE(start + i * 2) / 32768
  return out
}

/** Without the synthesiser's own leading and trailing silence, so every pause is ours. */
function trimSilence(samples: Float32Array): Float32Array {
  const quiet = 0.01
  let start = 0
  let end = samples.length
  while (start < end && Math.abs(samples[start]) < quiet) start++
  while (end > start && Math.abs(samples[end - 1]) < quiet) end--
  return samples.subarray(start, end)
}

/** MP3 through Debian's `lame` (LAME 3.100): ten times realtime faster than any JS encoder on npm. */
async function encodeMp3(pcm: Int16Array, file: string): Promise<void> {
  const raw = ['-r', '-s', String(SAMPLE_RATE / 1000), '--bitwidth', '16', '--signed', '--little-endian']
  const mono = ['-m', 'm', '-b', String(KBPS)]
  await run(
    'lame',
    ['--silent', ...raw, ...mono, '-', file],
    Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength),
  )
}
