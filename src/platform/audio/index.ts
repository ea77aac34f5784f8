// The audio service's public surface: kinds and the app import from here, never from its files.

export * from './NarrationListener'
export * from './narration'
export * from './narration-debug'
export * from './SubtitleBar'
export {
  DUCK_GAIN,
  duckNarration,
  liveVoiceIsListening,
  narrationAudioContext,
  narrationDucked,
  setLiveVoiceListening,
} from './voice-player'
export { clearVoicedLines, loadVoicedLines } from './voiced-lines'
