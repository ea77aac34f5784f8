// Live voice over the venue LAN, for any room that has a leader who talks (the classroom's teacher, a tour
// group's docent) and members who may be given the floor: WebRTC audio straight between browsers, signalled
// through the room's own Colyseus connection (src/shared/voice/voice-signals.ts), host candidates only, no
// STUN or TURN. Each member who may speak sends one audio track to every other member (one-way connections,
// the speaker offers); listeners play each voice through Web Audio from the speaker's head, at the
// visitor's volume, and narration ducks while a voice is heard. The room tells the service who is in it and
// who may speak (update); the service does the rest.
// Over 300 lines on purpose: one VoiceChat class; its peer connections, microphone, meters and retry timers
// share its private maps, which a split would only pass around.
import { create } from 'zustand'
import {
  type VoiceConfig,
  VoiceConfig as VoiceConfigSchema,
  VoiceSignalIn,
  type VoiceSignalOut,
} from '../../shared/voice/voice-signals'
// The audio and settings stores themselves, not their indexes: those carry views this service never draws.
import { duckNarration, narrationAudioContext, setLiveVoiceListening } from '../audio/voice-player'
import { useSettings } from '../settings/settings-store'
import { LevelMeter, SPEAKING_HOLD_MS, SPEAKING_LEVEL } from './level-meter'
import { captureMicrophone, releaseMicrophone } from './microphone'
import { PushToTalk, type TalkControl } from './push-to-talk'
import { registerVoiceDebugView } from './voice-debug'
import type { VoiceChatUi, VoiceConnections, VoiceStats } from './voice-types'

export type { VoiceChatUi, VoiceConnections, VoiceStats }

/** Who is in the room and who may speak now, as the room's state says. */
export interface VoiceRoster {
  selfId: string
  /** Every member's session id (self included or not). */
  members: readonly string[]
  /** The members who may speak now (voice-floor.ts `speakers`). */
  speakers: readonly string[]
}

export const useVoiceChat = create<VoiceChatUi>(() => ({
  active: false,
  mic: 'idle',
  canSpeak: false,
  talking: false,
  speaking: [],
}))

/** How long host candidates may take to gather before the description goes as it is. */
const GATHER_MS = 1500
/** A failed connection is offered again after this long, while both are still in the room. */
const RETRY_MS = 2000
/** Levels are read this often (indicators, ducking); the frame loop reads the last values. */
const METER_MS = 100
/** Opus for speech: 32 kbit/s mono is clear and lets one speaker reach more listeners. */
const MAX_BITRATE = 32_000

interface Outgoing {
  pc: RTCPeerConnection
  sender: RTCRtpSender
}

interface Incoming {
  pc: RTCPeerConnection
  /** The loudest level heard on this connection so far (tests read it: a level above silence arrived). */
  peak: number
  element?: HTMLAudioElement
  source?: MediaStreamAudioSourceNode
  meter?: LevelMeter
  gain?: GainNode
  panner?: PannerNode
}

export interface VoiceChatOptions {
  /** Sends one signal through the room (its `voice:signal` message). */
  send(signal: VoiceSignalOut): void
  /** For log lines: which room this is. */
  label: string
}

let current: VoiceChat | undefined

/** The room's voice running on this page, if any (the debug view and the listener read it). */
export function currentVoiceChat(): VoiceChat | undefined {
  return current
}

export class VoiceChat {
  private roster: VoiceRoster = { selfId: '', members: [], speakers: [] }
  private config: VoiceConfig = { mode: 'mesh' }
  private readonly outgoing = new Map<string, Outgoing>()
  private readonly incoming = new Map<string, Incoming>()
  private track: MediaStreamTrack | undefined
  private selfMeter: LevelMeter | undefined
  private readonly levels = new Map<string, number>()
  private readonly lastHeard = new Map<string, number>()
  private readonly retryTimers = new Set<ReturnType<typeof setTimeout>>()
  private meterTimer: ReturnType<typeof setInterval> | undefined
  private closed = false
  private unsubscribeVolume: () => void
  readonly talk: PushToTalk

  constructor(private readonly options: VoiceChatOptions) {
    current?.close()
    current = this
    registerVoiceDebugView(useVoiceChat.getState, currentVoiceChat)
    this.talk = new PushToTalk(() => this.applyTalking())
    useVoiceChat.setState({ active: true, mic: 'idle', canSpeak: false, talking: false, speaking: [] })
    this.unsubscribeVolume = useSettings.subscribe((s, before) => {
      if (s.volume !== before.volume)
        for (const i of this.incoming.values()) i.gain?.gain.setValueAtTime(s.volume, 0)
    })
    this.meterTimer = setInterval(() => this.meter(), METER_MS)
    // Joining is a press, so the page's audio may start now; a seat resumed after a reload waits for one.
    narrationAudioContext()
    window.addEventListener('pointerdown', resumeAudio, { once: true })
  }

  /** The room's state changed: connect to whoever now may speak or listen, drop whoever may not. */
  update(roster: VoiceRoster): void {
    if (this.closed) return
    if (roster.selfId !== this.roster.selfId) this.closeAll() // rejoined as a new session
    this.roster = roster
    const selfSpeaks = roster.speakers.includes(roster.selfId)
    useVoiceChat.setState({ canSpeak: selfSpeaks })
    const members = new Set(roster.members)
    const speakers = new Set(roster.speakers)
    // Incoming: only from members who may speak now (a muted student is not heard, whatever they send).
    for (const id of [...this.incoming.keys()])
      if (!speakers.has(id) || !members.has(id)) this.closeIncoming(id)
    if (!selfSpeaks) {
      this.talk.release()
      for (const id of [...this.outgoing.keys()]) this.closeOutgoing(id, true)
      return
    }
    if (this.config.mode === 'sfu') {
      // The seam for a venue's SFU (docs/voice.md): a speaker would publish once to `config.url` and
      // listeners subscribe there. Not built: voice stays peer to peer, up to the measured fan-out.
      console.warn(`voice: ${this.options.label} names an SFU (${this.config.url}); sending peer to peer`)
    }
    void this.ensureMicrophone().then(() => {
      if (this.closed || !this.track) return
      for (const id of [...this.outgoing.keys()]) if (!members.has(id)) this.closeOutgoing(id, true)
      for (const id of this.roster.members)
        if (id !== this.roster.selfId && !this.outgoing.has(id)) void this.offer(id)
    })
  }

  /** The server's word on how voice travels in this room (parsed; ignored when malformed). */
  configure(raw: unknown): void {
    const parsed = VoiceConfigSchema.safeParse(raw)
    if (parsed.success) this.config = parsed.data
  }

  /** A signal relayed by the room (parsed here: the room's message is untrusted input too). */
  receive(raw: unknown): void {
    if (this.closed) return
    const parsed = VoiceSignalIn.safeParse(raw)
    if (!parsed.success) {
      console.warn('voice: a malformed signal was ignored')
      return
    }
    const signal = parsed.data
    if (signal.kind === 'offer') void this.answer(signal.from, signal.sdp)
    else if (signal.kind === 'answer') {
      const out = this.outgoing.get(signal.from)
      if (out && out.pc.signalingState === 'have-local-offer')
        out.pc.setRemoteDescription({ type: 'answer', sdp: signal.sdp }).catch((e: unknown) => {
          console.warn(`voice: answer from ${signal.from} refused: ${(e as Error).message}`)
          this.closeOutgoing(signal.from, true)
        })
    } else this.closeIncoming(signal.from)
  }

  /** A control holds (or lets go of) push-to-talk. */
  holdTalk(control: TalkControl, on: boolean): void {
    this.talk.hold(control, on)
  }

  /** The on-screen talk button. */
  toggleTalk(): void {
    this.talk.toggle()
  }

  /** The loudness 0..1 of a member's voice as heard here (self: the microphone while talking). */
  levelOf(id: string): number {
    return this.levels.get(id) ?? 0
  }

  /** Puts a speaker's voice at their head (world metres); called from the frame loop, allocates nothing. */
  place(id: string, x: number, y: number, z: number): void {
    const panner = this.incoming.get(id)?.panner
    if (!panner) return
    if (
      Math.abs(panner.positionX.value - x) +
        Math.abs(panner.positionY.value - y) +
        Math.abs(panner.positionZ.value - z) <
      0.01
    )
      return
    panner.positionX.value = x
    panner.positionY.value = y
    panner.positionZ.value = z
  }

  /** Ends every connection and lets the microphone go (the room was left). */
  close(): void {
    if (this.closed) return
    this.closed = true
    this.talk.release()
    this.closeAll()
    for (const t of this.retryTimers) clearTimeout(t)
    clearInterval(this.meterTimer)
    this.unsubscribeVolume()
    this.selfMeter?.dispose()
    this.track = undefined
    releaseMicrophone()
    setLiveVoiceListening(false)
    duckNarration(false)
    if (current === this) current = undefined
    useVoiceChat.setState({ active: false, mic: 'idle', canSpeak: false, talking: false, speaking: [] })
  }

  /** For the debug view: each connection's state, and the RTP counters from getStats. */
  snapshot(): VoiceConnections {
    return {
      config: this.config,
      selfId: this.roster.selfId,
      outgoing: [...this.outgoing].map(([id, o]) => ({
        id,
        state: o.pc.connectionState,
        sending: o.sender.track !== null,
      })),
      incoming: [...this.incoming].map(([id, i]) => ({
        id,
        state: i.pc.connectionState,
        level: this.levelOf(id),
        peak: i.peak,
      })),
    }
  }

  async stats(): Promise<VoiceStats> {
    const read = async (pc: RTCPeerConnection, type: 'outbound-rtp' | 'inbound-rtp') => {
      const report = await pc.getStats()
      let found: Record<string, number> | undefined
      report.forEach((s: Record<string, unknown>) => {
        if (s.type === type && s.kind === 'audio') found = s as unknown as Record<string, number>
      })
      return found
    }
    const out: VoiceStats['outgoing'] = []
    for (const [id, o] of this.outgoing) {
      const s = await read(o.pc, 'outbound-rtp')
      out.push({ id, packetsSent: s?.packetsSent ?? 0, bytesSent: s?.bytesSent ?? 0 })
    }
    const inc: VoiceStats['incoming'] = []
    for (const [id, i] of this.incoming) {
      const s = await read(i.pc, 'inbound-rtp')
      inc.push({
        id,
        packetsReceived: s?.packetsReceived ?? 0,
        bytesReceived: s?.bytesReceived ?? 0,
        audioLevel: s?.audioLevel ?? 0,
        totalAudioEnergy: s?.totalAudioEnergy ?? 0,
        jitter: s?.jitter ?? 0,
        packetsLost: s?.packetsLost ?? 0,
        concealedSamples: s?.concealedSamples ?? 0,
        totalSamplesReceived: s?.totalSamplesReceived ?? 0,
      })
    }
    return { outgoing: out, incoming: inc }
  }

  // ---- the speaker's side -------------------------------------------------------------------------

  private async ensureMicrophone(): Promise<void> {
    if (this.track?.readyState === 'live') return
    useVoiceChat.setState({ mic: 'asking' })
    const got = await captureMicrophone()
    if (this.closed) return
    if (typeof got === 'string') {
      // Refused or absent: this member listens only, and the panel says so.
      useVoiceChat.setState({ mic: got })
      return
    }
    this.track = got.getAudioTracks()[0]
    const ctx = narrationAudioContext()
    if (ctx) this.selfMeter = new LevelMeter(ctx.createMediaStreamSource(got))
    useVoiceChat.setState({ mic: 'on' })
  }

  private async offer(to: string): Promise<void> {
    const pc = new RTCPeerConnection({ iceServers: [] })
    const transceiver = pc.addTransceiver('audio', { direction: 'sendonly' })
    const out = { pc, sender: transceiver.sender }
    this.outgoing.set(to, out)
    if (this.talk.active) await transceiver.sender.replaceTrack(this.track ?? null)
    pc.addEventListener('connectionstatechange', () => {
      if (pc.connectionState === 'failed' && this.outgoing.get(to) === out) this.retry(to)
    })
    try {
      await pc.setLocalDescription(await pc.createOffer())
      await gathered(pc)
      const params = transceiver.sender.getParameters()
      if (params.encodings?.[0]) {
        params.encodings[0].maxBitrate = MAX_BITRATE
        await transceiver.sender.setParameters(params).catch(() => undefined)
      }
      if (this.outgoing.get(to) !== out) return
      this.options.send({ kind: 'offer', to, sdp: pc.localDescription?.sdp ?? '' })
    } catch (error) {
      console.warn(`voice: could not offer to ${to}: ${(error as Error).message}`)
      this.closeOutgoing(to, false)
    }
  }

  private retry(to: string): void {
    this.closeOutgoing(to, true)
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer)
      if (this.closed || this.outgoing.has(to)) return
      if (this.roster.members.includes(to) && this.roster.speakers.includes(this.roster.selfId))
        void this.offer(to)
    }, RETRY_MS)
    this.retryTimers.add(timer)
  }

  /** Push-to-talk changed: every connection sends the microphone, or nothing at all (no RTP). */
  private applyTalking(): void {
    const on = this.talk.active && Boolean(this.track) && useVoiceChat.getState().canSpeak
    for (const o of this.outgoing.values()) void o.sender.replaceTrack(on ? (this.track ?? null) : null)
    useVoiceChat.setState({ talking: on })
  }

  private closeOutgoing(id: string, tell: boolean): void {
    const o = this.outgoing.get(id)
    if (!o) return
    this.outgoing.delete(id)
    o.pc.close()
    if (tell) this.options.send({ kind: 'bye', to: id })
  }

  // ---- the listener's side ------------------------------------------------------------------------

  private async answer(from: string, sdp: string): Promise<void> {
    this.closeIncoming(from)
    const pc = new RTCPeerConnection({ iceServers: [] })
    const entry: Incoming = { pc, peak: 0 }
    this.incoming.set(from, entry)
    pc.addEventListener('track', (e) => this.play(entry, e.streams[0] ?? new MediaStream([e.track])))
    try {
      await pc.setRemoteDescription({ type: 'offer', sdp })
      await pc.setLocalDescription(await pc.createAnswer())
      await gathered(pc)
      if (this.incoming.get(from) !== entry) return
      this.options.send({ kind: 'answer', to: from, sdp: pc.localDescription?.sdp ?? '' })
    } catch (error) {
      console.warn(`voice: could not answer ${from}: ${(error as Error).message}`)
      this.closeIncoming(from)
    }
  }

  /** A speaker's stream through Web Audio: meter → volume → panner at their head → the speakers. */
  private play(entry: Incoming, stream: MediaStream): void {
    // Chrome feeds a remote WebRTC stream to Web Audio only while a media element also plays it; muted,
    // so it is heard once, through the graph.
    const element = new Audio()
    element.muted = true
    element.srcObject = stream
    void element.play().catch(() => undefined)
    entry.element = element
    const ctx = narrationAudioContext()
    if (!ctx) {
      element.muted = false
      return
    }
    entry.source = ctx.createMediaStreamSource(stream)
    entry.meter = new LevelMeter(entry.source)
    entry.gain = ctx.createGain()
    entry.gain.gain.value = useSettings.getState().volume
    entry.panner = ctx.createPanner()
    entry.panner.panningModel = 'HRTF'
    entry.panner.distanceModel = 'inverse'
    // A classroom or a hall: full level within 1.5 m, then gently quieter, never lost.
    entry.panner.refDistance = 1.5
    entry.panner.rolloffFactor = 0.4
    entry.meter.node.connect(entry.gain).connect(entry.panner).connect(ctx.destination)
    setLiveVoiceListening(true)
  }

  private closeIncoming(id: string): void {
    const i = this.incoming.get(id)
    if (!i) return
    this.incoming.delete(id)
    i.meter?.dispose()
    i.gain?.disconnect()
    i.panner?.disconnect()
    i.source?.disconnect()
    if (i.element) i.element.srcObject = null
    i.pc.close()
    this.levels.delete(id)
    if (this.incoming.size === 0) setLiveVoiceListening(false)
  }

  private closeAll(): void {
    for (const id of [...this.outgoing.keys()]) this.closeOutgoing(id, true)
    for (const id of [...this.incoming.keys()]) this.closeIncoming(id)
  }

  /** Reads every level; the UI state and the ducking change only when someone starts or stops speaking. */
  private meter(): void {
    const now = performance.now()
    const self = this.roster.selfId
    const selfLevel = useVoiceChat.getState().talking ? (this.selfMeter?.read() ?? 0) : 0
    this.levels.set(self, selfLevel)
    if (selfLevel > SPEAKING_LEVEL) this.lastHeard.set(self, now)
    let heard = false
    for (const [id, i] of this.incoming) {
      const level = i.meter?.read() ?? 0
      this.levels.set(id, level)
      if (level > i.peak) i.peak = level
      if (level > SPEAKING_LEVEL) this.lastHeard.set(id, now)
      if (now - (this.lastHeard.get(id) ?? -Infinity) < SPEAKING_HOLD_MS) heard = true
    }
    const speaking: string[] = []
    for (const [id, t] of this.lastHeard) {
      if (now - t >= SPEAKING_HOLD_MS) this.lastHeard.delete(id)
      else speaking.push(id)
    }
    speaking.sort()
    const before = useVoiceChat.getState().speaking
    if (speaking.length !== before.length || speaking.some((id, k) => before[k] !== id))
      useVoiceChat.setState({ speaking })
    duckNarration(heard)
  }
}

function resumeAudio(): void {
  narrationAudioContext()
}

/** Waits until the connection's host candidates are in its description (or GATHER_MS passed). */
function gathered(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve()
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      pc.removeEventListener('icegatheringstatechange', check)
      resolve()
    }
    const check = () => {
      if (pc.iceGatheringState === 'complete') done()
    }
    const timer = setTimeout(done, GATHER_MS)
    pc.addEventListener('icegatheringstatechange', check)
  })
}
