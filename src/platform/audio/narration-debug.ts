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
  /** Seconds into the file, its length (NaN until known) and whether it is paused; null without a file. */
  audio: { currentTime: number; duration: number; paused: boolean; level: number } | null
}

declare global {
  interface XrShowcaseDebugViews {
    narration: NarrationDebugView
  }
}

/** Called once by the stage's NarrationListener, so the view exists whenever narration can play. */
export function registerNarrationDebugView(): void {
  registerDebugView('narration', () => {
    const s = useNarrationStore.getState()
    const voice = playingVoice()
    return {
      subtitle: s.subtitle,
      speaking: s.speaking,
      source: s.source,
      file: s.file ?? null,
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
