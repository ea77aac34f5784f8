// Narration for guides, clerks and teachers: a recorded file when the scene has one, else the
// browser's voice for the current language, else timed subtitles. Subtitles always show, and
// `level` (0..1) follows the voice so a digital human's mouth can move with it.
import { create } from 'zustand'
import type { LocalizedText, Vec3 } from '../../schema/common'
import { localize } from '../i18n/i18n'
import { useSettings } from '../settings/settings-store'
import { useRoute } from '../url/route-store'

export interface NarrationItem {
  text: LocalizedText
  /** Same-origin audio file for this narration (Chinese recording), if any. */
  audio?: string
  /** Where the voice comes from in the scene; omitted means head-locked. */
  position?: Vec3
  /** Speech rate multiplier (elderly-friendly mode uses < 1). */
  rate?: number
}

interface NarrationState {
  subtitle: string
  speaking: boolean
  /** Loudness 0..1, for mouth movement. Read it in useFrame via getState() to avoid re-renders. */
  level: number
  position?: Vec3
  source: 'audio' | 'speech' | 'subtitles' | null
}

export const useNarrationStore = create<NarrationState>(() => ({
  subtitle: '',
  speaking: false,
  level: 0,
  source: null,
}))

let current: { cancel(): void } | null = null

export function stopNarration(): void {
  current?.cancel()
  current = null
  useNarrationStore.setState({ subtitle: '', speaking: false, level: 0, source: null })
}

/** Plays one narration; resolves when it finished or was stopped. */
export function narrate(item: NarrationItem): Promise<void> {
  stopNarration()
  const lang = useRoute.getState().lang
  const text = localize(item.text, lang)
  const volume = useSettings.getState().volume
  const rate = (item.rate ?? 1) * useSettings.getState().narrationRate
  useNarrationStore.setState({ subtitle: text, speaking: true, position: item.position })
  return new Promise<void>((resolve) => {
    let done = false
    let timer: ReturnType<typeof setInterval> | undefined
    const finish = () => {
      if (done) return
      done = true
      if (timer) clearInterval(timer)
      if (current === handle) current = null
      useNarrationStore.setState({ speaking: false, level: 0 })
      resolve()
    }
    const handle = { cancel: finish }
    current = handle
    // Recorded narration is Chinese; in English the browser voice (or subtitles) reads the English text.
    if (item.audio && lang === 'zh') {
      const audio = new Audio(item.audio)
      audio.volume = volume
      audio.playbackRate = rate
      useNarrationStore.setState({ source: 'audio' })
      handle.cancel = () => {
        audio.pause()
        finish()
      }
      audio.addEventListener('ended', finish)
      audio.addEventListener('error', () => fallbackToSpeech())
      timer = setInterval(() => useNarrationStore.setState({ level: audio.paused ? 0 : pseudoLevel() }), 80)
      audio.play().catch(() => fallbackToSpeech())
      return
    }
    fallbackToSpeech()

    function fallbackToSpeech() {
      if (done) return
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
        timer ??= setInterval(() => useNarrationStore.setState({ level: pseudoLevel() }), 80)
        speechSynthesis.speak(utterance)
        return
      }
      timedSubtitles()
    }

    function timedSubtitles() {
      if (done) return
      useNarrationStore.setState({ source: 'subtitles' })
      const timeout = setTimeout(finish, subtitleDurationMs(text, lang) / rate)
      handle.cancel = () => {
        clearTimeout(timeout)
        finish()
      }
      timer ??= setInterval(() => useNarrationStore.setState({ level: pseudoLevel() }), 80)
    }
  })
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
