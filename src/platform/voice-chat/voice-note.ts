// The one line under a listener's voice controls (a student, a visitor in a docent's group): what they
// may do now, or why they cannot be heard. Each kind words the keys in its own strings.
import type { MicState } from './microphone'

export type VoiceNote = 'micDenied' | 'micAsking' | 'youAreMuted' | 'allMutedNote' | 'talkHint' | 'listenHint'

export function voiceNote(s: {
  mic: MicState
  canSpeak: boolean
  muted: boolean
  allMuted: boolean
  floor: boolean
}): VoiceNote {
  if (s.mic === 'denied' || s.mic === 'unavailable') return 'micDenied'
  if (s.muted) return 'youAreMuted'
  if (s.allMuted) return 'allMutedNote'
  if (s.canSpeak && s.mic === 'asking') return 'micAsking'
  if (s.canSpeak) return 'talkHint'
  return 'listenHint'
}
