import { describe, expect, it } from 'vitest'
import {
  relayRefusal,
  SDP_MAX_LENGTH,
  sdpProblem,
  VoiceConfig,
  VoiceSignalIn,
  VoiceSignalOut,
  voiceConfigFor,
} from '../../../../src/shared/voice/voice-signals'

const audioSdp = (candidates: string[] = []) =>
  [
    'v=0',
    'o=- 1 2 IN IP4 127.0.0.1',
    's=-',
    't=0 0',
    'm=audio 9 UDP/TLS/RTP/SAVPF 111',
    'c=IN IP4 0.0.0.0',
    ...candidates,
    'a=sendonly',
    'a=rtpmap:111 opus/48000/2',
    '',
  ].join('\r\n')

const HOST = 'a=candidate:1 1 udp 2122260223 192.168.1.20 50000 typ host generation 0'
const MDNS = 'a=candidate:2 1 udp 2122260223 5f1c2a.local 50001 typ host'

describe('voice signals', () => {
  it('passes an audio offer with host candidates, IP or mDNS', () => {
    const offer = { kind: 'offer', to: 'abc123XYZ', sdp: audioSdp([HOST, MDNS]) }
    expect(VoiceSignalOut.parse(offer)).toEqual(offer)
    expect(VoiceSignalIn.parse({ kind: 'answer', from: 'abc', sdp: audioSdp() })).toMatchObject({
      kind: 'answer',
    })
    expect(VoiceSignalOut.parse({ kind: 'bye', to: 'abc' })).toEqual({ kind: 'bye', to: 'abc' })
  })

  it('refuses STUN- or TURN-learned candidates: host only on the venue LAN', () => {
    const srflx = 'a=candidate:3 1 udp 1686052607 203.0.113.9 40000 typ srflx raddr 0.0.0.0 rport 0'
    const relay = 'a=candidate:4 1 udp 41885439 198.51.100.2 3478 typ relay raddr 0.0.0.0 rport 0'
    for (const c of [srflx, relay]) {
      const r = VoiceSignalOut.safeParse({ kind: 'offer', to: 'a', sdp: audioSdp([HOST, c]) })
      expect(r.success).toBe(false)
      expect(r.error?.issues[0]?.message).toMatch(/host candidates/)
    }
  })

  it('refuses video, data channels, a second audio section, non-SDP and oversized descriptions', () => {
    expect(sdpProblem(audioSdp().replace('m=audio', 'm=video'))).toMatch(/only audio/)
    expect(sdpProblem(`${audioSdp()}m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n`)).toMatch(
      /only audio/,
    )
    expect(sdpProblem(`${audioSdp()}m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n`)).toMatch(/exactly one/)
    expect(sdpProblem('<script>')).toMatch(/v=0/)
    const huge = audioSdp() + 'a=x'.repeat(SDP_MAX_LENGTH)
    expect(VoiceSignalOut.safeParse({ kind: 'offer', to: 'a', sdp: huge }).success).toBe(false)
  })

  it('refuses unknown kinds, extra fields and hostile peer ids', () => {
    expect(VoiceSignalOut.safeParse({ kind: 'candidate', to: 'a', candidate: 'x' }).success).toBe(false)
    expect(VoiceSignalOut.safeParse({ kind: 'bye', to: 'a', from: 'b' }).success).toBe(false)
    expect(VoiceSignalOut.safeParse({ kind: 'bye', to: '../../etc' }).success).toBe(false)
    expect(VoiceSignalOut.safeParse({ kind: 'bye', to: 'x'.repeat(65) }).success).toBe(false)
    expect(VoiceSignalOut.safeParse({ kind: 'bye' }).success).toBe(false)
  })

  it('relays offers only from a speaker, answers only to one, never to oneself or outside the room', () => {
    const offer = { kind: 'offer' as const, to: 'b', sdp: audioSdp() }
    const answer = { kind: 'answer' as const, to: 'b', sdp: audioSdp() }
    const speaker = { id: 'a', speaks: true }
    const listener = { id: 'b', speaks: false }
    expect(relayRefusal(offer, speaker, listener)).toBeNull()
    expect(relayRefusal(offer, { id: 'a', speaks: false }, listener)).toMatch(/may not speak/)
    expect(relayRefusal(answer, { id: 'a', speaks: false }, { id: 'b', speaks: true })).toBeNull()
    expect(relayRefusal(answer, speaker, listener)).toMatch(/may not speak/)
    expect(relayRefusal(offer, speaker, undefined)).toMatch(/no such member/)
    expect(relayRefusal({ kind: 'bye', to: 'a' }, speaker, speaker)).toMatch(/itself/)
    expect(relayRefusal({ kind: 'bye', to: 'b' }, { id: 'a', speaks: false }, listener)).toBeNull()
  })

  it('points at the venue SFU when one is configured, else peer to peer', () => {
    expect(voiceConfigFor(undefined)).toEqual({ mode: 'mesh' })
    expect(voiceConfigFor('wss://sfu.venue.lan:8989')).toEqual({
      mode: 'sfu',
      url: 'wss://sfu.venue.lan:8989',
    })
    expect(VoiceConfig.safeParse({ mode: 'sfu', url: 'not a url' }).success).toBe(false)
  })
})
