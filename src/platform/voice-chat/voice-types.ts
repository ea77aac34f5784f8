// The voice service's shapes that its debug view reads too: kept apart so that the view imports no part of
// the service itself.
import type { VoiceConfig } from '../../shared/voice/voice-signals'
import type { MicState } from './microphone'

/** What the views show; changes only on transitions, never per frame. */
export interface VoiceChatUi {
  /** A room's voice is running on this page. */
  active: boolean
  mic: MicState
  /** This member may speak now (the leader, or holds the floor). */
  canSpeak: boolean
  /** This member is sending its voice now (push-to-talk held and the microphone on). */
  talking: boolean
  /** Members whose voice is heard now (level above silence, held briefly), self included while talking. */
  speaking: string[]
}

/** Each connection's state, for the debug view. */
export interface VoiceConnections {
  config: VoiceConfig
  selfId: string
  outgoing: Array<{ id: string; state: RTCPeerConnectionState; sending: boolean }>
  incoming: Array<{ id: string; state: RTCPeerConnectionState; level: number; peak: number }>
}

export interface VoiceStats {
  outgoing: Array<{ id: string; packetsSent: number; bytesSent: number }>
  incoming: Array<{
    id: string
    packetsReceived: number
    bytesReceived: number
    /** The received audio's level, 0..1, as the browser measured it (getStats). */
    audioLevel: number
    totalAudioEnergy: number
    jitter: number
    packetsLost: number
    concealedSamples: number
    totalSamplesReceived: number
  }>
}
