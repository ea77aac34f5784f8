// Plays one narration file through Web Audio: an analyser for the speaker's mouth (the loudness
// that is actually playing), the visitor's volume, and a panner at the speaker so the guide's or
// clerk's voice comes from them. The listener follows the camera (NarrationListener).
import type { Vec3 } from '../../schema/common'

let context: AudioContext | undefined

/** Narration's level while live voice is heard (about −14 dB): still followed, never over a person. */
export const DUCK_GAIN = 0.2
/** The gain nodes of narration playing now, each with the visitor's volume it started at. */
const narrationGains = new Set<{ gain: GainNode; volume: number }>()
let ducked = false
let liveVoiceListening = false

/**
 * Ducks narration under live voice (a teacher or docent speaking) and brings it back after, with a short
 * ramp so neither step clicks. The live voice service calls it; a line that starts while ducked starts low.
 */
export function duckNarration(on: boolean): void {
  if (ducked === on) return
  ducked = on
  for (const { gain, volume } of narrationGains)
    gain.gain.setTargetAtTime(volume * (on ? DUCK_GAIN : 1), gain.context.currentTime, 0.08)
}

/** True while narration is ducked under live voice. */
export function narrationDucked(): boolean {
  return ducked
}

/** Live voice is playing through this context: the listener follows the head (NarrationListener). */
export function setLiveVoiceListening(on: boolean): void {
  liveVoiceListening = on
}

export function liveVoiceIsListening(): boolean {
  return liveVoiceListening
}

/** The listener of the audio context, if narration has made one; never creates or resumes it. */
export function narrationListener(): AudioListener | undefined {
  return context?.listener
}

/** The page's one audio context, resumed on use: narration always starts from a visitor's press. */
export function narrationAudioContext(): AudioContext | undefined {
  if (typeof AudioContext === 'undefined') return undefined
  context ??= new AudioContext()
  if (context.state === 'suspended') void context.resume().catch(() => {})
  return context
}

export interface VoiceOptions {
  volume: number
  rate: number
  /** Where the speaker is; omitted plays head-locked. */
  position?: Vec3
}

export interface PlayingVoice {
  /** The element playing now (the current clip of a sequence). */
  readonly element: HTMLAudioElement
  /** The file playing now. */
  readonly file: string
  /** Loudness 0..1 of what is playing now (0 without Web Audio: no made-up movement). */
  level(): number
  /** 0..1 through the file; 0 until its length is known. */
  progress(): number
  stop(): void
}

export function playVoice(
  url: string,
  options: VoiceOptions,
  events: { ended(): void; failed(): void },
): PlayingVoice {
  const element = new Audio(url)
  element.playbackRate = options.rate
  const ctx = narrationAudioContext()
  let analyser: AnalyserNode | undefined
  let nodes: AudioNode[] = []
  let releaseDucking = () => false
  if (ctx) {
    const source = ctx.createMediaElementSource(element)
    analyser = ctx.createAnalyser()
    analyser.fftSize = 1024
    const gain = ctx.createGain()
    gain.gain.value = options.volume * (ducked ? DUCK_GAIN : 1)
    const ducking = { gain, volume: options.volume }
    narrationGains.add(ducking)
    releaseDucking = () => narrationGains.delete(ducking)
    nodes = [source, analyser, gain]
    if (options.position) {
      const panner = ctx.createPanner()
      panner.panningModel = 'HRTF'
      panner.distanceModel = 'inverse'
      // Full level within 2 m, then gently quieter: a guide across the hall is still heard.
      panner.refDistance = 2
      panner.rolloffFactor = 0.5
      panner.positionX.value = options.position[0]
      panner.positionY.value = options.position[1]
      panner.positionZ.value = options.position[2]
      nodes.push(panner)
    }
    for (let i = 0; i < nodes.length - 1; i++) nodes[i].connect(nodes[i + 1])
    nodes[nodes.length - 1].connect(ctx.destination)
  } else {
    element.volume = options.volume
  }
  const samples = new Float32Array(analyser?.fftSize ?? 0)
  const release = () => {
    for (const node of nodes) node.disconnect()
    nodes = []
    releaseDucking()
  }
  // An element can report a failure twice (its error event and the play() promise): act on the first.
  let settled = false
  const settle = (outcome: () => void) => {
    if (settled) return
    settled = true
    release()
    outcome()
  }
  element.addEventListener('ended', () => settle(events.ended))
  element.addEventListener('error', () => settle(events.failed))
  element.play().catch(() => settle(events.failed))
  return {
    element,
    file: url,
    level() {
      if (!analyser || element.paused) return 0
      analyser.getFloatTimeDomainData(samples)
      let sum = 0
      for (const v of samples) sum += v * v
      // Speech peaks near 0.25 RMS; a mouth opens fully a little below that.
      return Math.min(1, Math.sqrt(sum / samples.length) * 5)
    },
    progress() {
      const d = element.duration
      return Number.isFinite(d) && d > 0 ? Math.min(1, element.currentTime / d) : 0
    },
    stop() {
      element.pause()
      release()
    },
  }
}

/**
 * Plays clips back to back as one voice: a line composed on the spot from voiced parts, as a real
 * hall's announcer does ("请" · "A" · "0" · "1" · "2" · "号到3号窗口办理"). Progress runs over all clips.
 */
export function playVoiceSequence(
  urls: readonly string[],
  options: VoiceOptions,
  events: { ended(): void; failed(): void },
): PlayingVoice {
  let index = 0
  let current: PlayingVoice
  const start = () => {
    current = playVoice(urls[index], options, {
      ended: () => {
        index++
        if (index < urls.length) start()
        else events.ended()
      },
      failed: events.failed,
    })
  }
  start()
  return {
    get element() {
      return current.element
    },
    get file() {
      return current.file
    },
    level: () => current.level(),
    progress: () => Math.min(1, (index + current.progress()) / urls.length),
    stop: () => current.stop(),
  }
}
