// Narration for guides, clerks and teachers. In order: the scene's audio file for the line (a venue's
// recording, else the voice synthesised at build time, in the visitor's language), else the browser's
// own local voice, else timed subtitles. Subtitles show unless the words are on screen already, and follow
// the audio actually playing; `level` (0..1) is the loudness of that audio, so a digital human's mouth
// moves with the voice.
import { create } from 'zustand'
import type { LocalizedText, Vec3 } from '../../schema/common'
import { localize } from '../i18n/i18n'
import { useSettings } from '../settings/settings-store'
import { useRoute } from '../url/route-store'
import { type PlayingVoice, playVoice, playVoiceSequence } from './voice-player'
import { voicedLine } from './voiced-lines'

export interface NarrationItem {
  text: LocalizedText
  /** A same-origin Chinese recording named by the scene itself; it wins over the voiced line in Chinese. */
  audio?: string
  /** Where the voice comes from in the scene; omitted means head-locked. */
  position?: Vec3
  /** Speech rate multiplier (elderly-friendly mode uses < 1). */
  rate?: number
  /**
   * A line composed on the spot (a ticket number, a window): the voiced parts it is spoken from, in
   * order. Played back to back when every part has a file; else the device's voice reads `text`.
   */
  parts?: LocalizedText[]
  /**
   * False when the words are on screen already (a card or caption read aloud): a subtitle would only
   * repeat them, over the very panel that shows them. Default true.
   */
  subtitle?: boolean
}

interface NarrationState {
  subtitle: string
  speaking: boolean
  /** Loudness 0..1 when it cannot be measured live (the device voice's rhythm); mouths read mouthLevel(). */
  level: number
  /** 0..1 through an audio file; the subtitle pages follow it. Undefined without a file. */
  progress?: number
  position?: Vec3
  source: 'audio' | 'speech' | 'subtitles' | null
  /** The file playing, when source is 'audio'. */
  file?: string
}

export const useNarrationStore = create<NarrationState>(() => ({
  subtitle: '',
  speaking: false,
  level: 0,
  source: null,
}))

let current: { cancel(): void } | null = null
/** The audio file playing now, for the debug view. */
let playing: PlayingVoice | undefined

export function playingVoice(): PlayingVoice | undefined {
  return playing
}

/**
 * How open a speaking mouth is now, 0..1: the playing file's level measured this instant, else the
 * store's (the device voice's rhythm, or 0). Read per frame: a level copied on a timer lags the
 * audio by however long the main thread was busy, and a mouth would then talk into a pause.
 */
export function mouthLevel(): number {
  return playing ? playing.level() : useNarrationStore.getState().level
}

/**
 * A spectator screen shows the watched visitor's narration (the view mirror writes the store) and
 * speaks none of its own: its kinds still ask to narrate as they would for a visitor.
 */
let silent = false

export function setNarrationSilent(on: boolean): void {
  stopNarration()
  silent = on
}

export function stopNarration(): void {
  current?.cancel()
  current = null
  if (silent) return
  useNarrationStore.setState({
    subtitle: '',
    speaking: false,
    level: 0,
    progress: undefined,
    source: null,
    file: undefined,
  })
}

/** Plays one narration; resolves when it finished or was stopped. */
export function narrate(item: NarrationItem): Promise<void> {
  stopNarration()
  // Silent: the line "plays" until the next one or a stop, as it does on the visitor's device.
  if (silent) return new Promise<void>((resolve) => (current = { cancel: resolve }))
  const lang = useRoute.getState().lang
  const text = localize(item.text, lang)
  const volume = useSettings.getState().volume
  const rate = (item.rate ?? 1) * useSettings.getState().narrationRate
  useNarrationStore.setState({
    subtitle: item.subtitle === false ? '' : text,
    speaking: true,
    position: item.position,
  })
  const files = voicedFiles(item, text, lang)
  const file = files?.[0]
  return new Promise<void>((resolve) => {
    let done = false
    let timer: ReturnType<typeof setInterval> | undefined
    const finish = () => {
      if (done) return
      done = true
      if (timer) clearInterval(timer)
      if (current === handle) current = null
      playing = undefined
      useNarrationStore.setState({ speaking: false, level: 0 })
      resolve()
    }
    const handle = { cancel: finish }
    current = handle
    if (file) {
      let voice: PlayingVoice | undefined
      handle.cancel = () => {
        voice?.stop()
        finish()
      }
      useNarrationStore.setState({ source: 'audio', file, progress: 0 })
      const options = { volume, rate, position: item.position }
      const events = { ended: finish, failed: fallbackToSpeech }
      voice = files.length > 1 ? playVoiceSequence(files, options, events) : playVoice(file, options, events)
      playing = voice
      // A few times a second is enough for a subtitle page; mouths read mouthLevel() each frame.
      timer = setInterval(() => {
        if (voice) useNarrationStore.setState({ progress: voice.progress(), file: voice.file })
      }, 50)
      return
    }
    fallbackToSpeech()

    function fallbackToSpeech() {
      if (done) return
      playing = undefined
      if (timer) clearInterval(timer)
      timer = undefined
      useNarrationStore.setState({ progress: undefined, file: undefined })
      const voice = pickVoice(lang)
      if (voice && typeof speechSynthesis !== 'undefined') {
        const utterance = new SpeechSynthesisUtterance(text)
        utterance.voice = voice
        utterance.lang = voice.lang
        utterance.volume = volume
        utterance.rate = rate
        useNarrationStore.setState({ source: 'speech' })
        utterance.onend = finish
        utterance.onerror = () => timedSubtitles()
        handle.cancel = () => {
          speechSynthesis.cancel()
          finish()
        }
        // The browser's voice cannot be measured; the mouth moves in a speech-like rhythm instead.
        timer = setInterval(() => useNarrationStore.setState({ level: pseudoLevel() }), 80)
        speechSynthesis.speak(utterance)
        return
      }
      timedSubtitles()
    }

    function timedSubtitles() {
      if (done) return
      if (timer) clearInterval(timer)
      timer = undefined
      // Nothing is heard, so the mouth stays still; the subtitle carries the words.
      useNarrationStore.setState({ source: 'subtitles', level: 0 })
      const timeout = setTimeout(finish, subtitleDurationMs(text, lang) / rate)
      handle.cancel = () => {
        clearTimeout(timeout)
        finish()
      }
    }
  })
}

/** The files that speak `item` in `lang`: its own recording, its voiced line, or all its voiced parts. */
function voicedFiles(item: NarrationItem, text: string, lang: 'zh' | 'en'): string[] | undefined {
  const own = (lang === 'zh' ? item.audio : undefined) ?? voicedLine(text, lang)?.file
  if (own) return [own]
  if (!item.parts?.length) return undefined
  const parts = item.parts.map((part) => voicedLine(localize(part, lang), lang)?.file)
  return parts.every((f): f is string => f !== undefined) ? parts : undefined
}

/** Reading time: ~5 Chinese characters or ~3 English words per second, at least 2.5 s. */
export function subtitleDurationMs(text: string, lang: 'zh' | 'en'): number {
  const units = lang === 'zh' ? [...text.replace(/\s/g, '')].length / 5 : text.split(/\s+/).length / 3
  return Math.max(2500, Math.round(units * 1000))
}

function pickVoice(lang: 'zh' | 'en'): SpeechSynthesisVoice | undefined {
  if (typeof speechSynthesis === 'undefined') return undefined
  const prefix = lang === 'zh' ? 'zh' : 'en'
  // Only local voices: a network voice would leave the machine.
  return speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith(prefix) && v.localService)
}

/** Speech-like loudness for mouth movement when no analyser is available. */
function pseudoLevel(): number {
  const t = performance.now() / 1000
  return Math.max(0, 0.55 + 0.45 * Math.sin(t * 17) * Math.sin(t * 5.3))
}
