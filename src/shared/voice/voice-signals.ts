// Live voice's signalling contract, shared by every room that carries voice (the classroom, docent tour
// groups): the messages a member's browser sends to open a WebRTC audio connection to another member of the
// same room, the server's relay of them, and the seam to an SFU. The server parses each with zod and relays
// it only to a member of the same room; the browser parses what it is relayed with the same schemas.
// Host candidates only: on a venue LAN the two browsers reach each other directly, with no STUN or TURN.
import { z } from 'zod'

/** The message type of a signal, client→server and server→client alike. */
export const VOICE_SIGNAL = 'voice:signal'
/** The server's word, on join, on how voice travels in this room (mesh, or the venue's SFU). */
export const VOICE_CONFIG = 'voice:config'

/** A Colyseus session id: 9 url-safe characters today; bounded so a hostile one cannot grow a log. */
export const PeerId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a peer is a session id')

/** An SDP big enough for one Opus audio section and its host candidates, and no more. */
export const SDP_MAX_LENGTH = 12_000

/**
 * Why an SDP is refused, or null when it is an audio-only description whose candidates are host
 * candidates: video, data channels or a STUN/TURN-learned address have no place in LAN voice.
 */
export function sdpProblem(sdp: string): string | null {
  if (!sdp.startsWith('v=0')) return 'not an SDP (must start with v=0)'
  const lines = sdp.split(/\r?\n/)
  let audio = 0
  for (const line of lines) {
    if (line.startsWith('m=')) {
      if (!line.startsWith('m=audio ')) return `only audio may be sent (${line.slice(0, 24)})`
      audio++
    }
    if (line.startsWith('a=candidate:') && !/ typ host( |$)/.test(line))
      return 'only host candidates (no STUN or TURN on the venue LAN)'
  }
  if (audio !== 1) return 'exactly one audio section'
  return null
}

const Sdp = z
  .string()
  .max(SDP_MAX_LENGTH, `an SDP is at most ${SDP_MAX_LENGTH} characters`)
  .superRefine((sdp, ctx) => {
    const problem = sdpProblem(sdp)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

/**
 * Client→server: to one member of the room. A speaker offers (its description, candidates gathered in),
 * the listener answers; either ends it with 'bye'. Whole descriptions, no trickled candidates: host
 * candidates gather in milliseconds, and one message each way keeps the room's rate budget small.
 */
export const VoiceSignalOut = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('offer'), to: PeerId, sdp: Sdp }).strict(),
  z.object({ kind: z.literal('answer'), to: PeerId, sdp: Sdp }).strict(),
  z.object({ kind: z.literal('bye'), to: PeerId }).strict(),
])
export type VoiceSignalOut = z.infer<typeof VoiceSignalOut>

/** Server→client: the same signal, naming its sender instead of its recipient. */
export const VoiceSignalIn = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('offer'), from: PeerId, sdp: Sdp }).strict(),
  z.object({ kind: z.literal('answer'), from: PeerId, sdp: Sdp }).strict(),
  z.object({ kind: z.literal('bye'), from: PeerId }).strict(),
])
export type VoiceSignalIn = z.infer<typeof VoiceSignalIn>

/** Signals per second and burst one member may send: a reconnect to a full class offers to all of it. */
export const VOICE_SIGNAL_RATE = { perSecond: 20, burst: 70 }

/**
 * How a room's voice travels. 'mesh': each speaker sends to every listener directly (the default; see
 * docs/voice.md for the measured limit). 'sfu': the venue runs an SFU (Janus, mediasoup, LiveKit) and
 * speakers publish to it once; `url` is its signalling endpoint on the LAN. Set by the server
 * (VOICE_SFU_URL); the browser service has the mesh transport and names the SFU seam.
 */
export const VoiceConfig = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('mesh') }).strict(),
  z.object({ mode: z.literal('sfu'), url: z.string().url().max(256) }).strict(),
])
export type VoiceConfig = z.infer<typeof VoiceConfig>

/**
 * Whether the server relays `signal` from `fromSpeaks` to `toSpeaks`: an offer only from a member who may
 * speak now, an answer only to one; 'bye' always (closing is never refused). Null when it may pass.
 */
export function relayRefusal(
  signal: VoiceSignalOut,
  from: { id: string; speaks: boolean },
  to: { id: string; speaks: boolean } | undefined,
): string | null {
  if (!to) return 'no such member in this room'
  if (to.id === from.id) return 'a member cannot call itself'
  if (signal.kind === 'offer' && !from.speaks) return 'you may not speak now (ask for the floor)'
  if (signal.kind === 'answer' && !to.speaks) return 'that member may not speak now'
  return null
}

/** The room's voice config from the server's setting (VOICE_SFU_URL): the SFU when one is named, else mesh. */
export function voiceConfigFor(sfuUrl: string | undefined): VoiceConfig {
  return sfuUrl ? { mode: 'sfu', url: sfuUrl } : { mode: 'mesh' }
}
