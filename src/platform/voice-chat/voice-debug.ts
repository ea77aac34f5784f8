// Read-only live voice state for browser tests (`view('voice')`): the microphone, push-to-talk, every
// connection, and `stats()`, a promise of the RTP counters and levels the browser itself measured.
// Registered by the first VoiceChat a page makes (an explicit call: the bundle drops side-effect imports).
import { narrationDucked } from '../audio/voice-player'
import { registerDebugView } from '../debug/test-hooks'
import type { VoiceChatUi, VoiceConnections, VoiceStats } from './voice-types'

/** What the view reads of the page's current voice chat. */
interface VoiceSource {
  snapshot(): VoiceConnections
  stats(): Promise<VoiceStats>
}

export interface VoiceDebugView extends VoiceChatUi {
  ducked: boolean
  connections: VoiceConnections | null
  stats(): Promise<VoiceStats>
}

declare global {
  interface XrShowcaseDebugViews {
    voice: VoiceDebugView
  }
}

let registered = false

export function registerVoiceDebugView(ui: () => VoiceChatUi, current: () => VoiceSource | undefined): void {
  if (registered) return
  registered = true
  registerDebugView('voice', () => {
    const voice = current()
    return {
      ...ui(),
      ducked: narrationDucked(),
      connections: voice?.snapshot() ?? null,
      stats: () => voice?.stats() ?? Promise.resolve({ outgoing: [], incoming: [] }),
    }
  })
}
