// Read-only narration state for browser tests (`view('narration')`): what is said, from which source,
// and where the audio file is, so a test can tell a shipped file from the device's voice and hold the
// mouth's level against the file's own pauses.
import { registerDebugView } from '../debug/test-hooks'
import { mouthLevel, playingVoice, useNarrationStore } from './narration'

export interface NarrationDebugView {
  subtitle: string
  speaking: boolean
  source: 'audio' | 'speech' | 'subtitles' | null
  file: string | null
  level: number
  /**
   * Every file that started playing since the page opened, oldest first (the last 50; each part of a
   * composed line): a test can tell that a short line played from its file even after it ended.
   */
  played: string[]
  /** Seconds into the file, its length (NaN until known) and whether it is paused; null without a file. */
  audio: { currentTime: number; duration: number; paused: boolean; level: number } | null
}

declare global {
  interface XrShowcaseDebugViews {
    narration: NarrationDebugView
  }
}

const played: string[] = []
let recording = false

/** Called once by the stage's NarrationListener, so the view exists whenever narration can play. */
export function registerNarrationDebugView(): void {
  if (!recording) {
    recording = true
    useNarrationStore.subscribe((s, before) => {
      if (!s.file || (s.file === before.file && before.source === 'audio')) return
      played.push(s.file)
      if (played.length > 50) played.shift()
    })
  }
  registerDebugView('narration', () => {
    const s = useNarrationStore.getState()
    const voice = playingVoice()
    return {
      subtitle: s.subtitle,
      speaking: s.speaking,
      source: s.source,
      file: s.file ?? null,
      played: [...played],
      level: mouthLevel(),
      audio: voice
        ? {
            currentTime: voice.element.currentTime,
            duration: voice.element.duration,
            paused: voice.element.paused,
            level: voice.level(),
          }
        : null,
    }
  })
}
