// The live voice service's public surface (WebRTC audio on the venue LAN, signalled through a room):
// kinds and other platform services import from here, never from its files.
export * from './level-meter'
export type { MicState } from './microphone'
export * from './PushToTalkControls'
export * from './push-to-talk'
export * from './voice-chat'
export type { VoiceDebugView } from './voice-debug'
export * from './voice-note'
