// Loudness of one audio stream, 0..1, for speaking indicators and ducking: an AnalyserNode's RMS over its
// last 1024 samples, scaled like narration's mouth level (speech peaks near 0.25 RMS).
export class LevelMeter {
  private readonly analyser: AnalyserNode
  private readonly samples: Float32Array<ArrayBuffer>

  constructor(readonly source: AudioNode) {
    this.analyser = source.context.createAnalyser()
    this.analyser.fftSize = 1024
    this.samples = new Float32Array(this.analyser.fftSize)
    source.connect(this.analyser)
  }

  /** The analyser, for a caller that routes the audio on through it. */
  get node(): AnalyserNode {
    return this.analyser
  }

  read(): number {
    this.analyser.getFloatTimeDomainData(this.samples)
    let sum = 0
    for (const v of this.samples) sum += v * v
    return Math.min(1, Math.sqrt(sum / this.samples.length) * 5)
  }

  dispose(): void {
    this.source.disconnect(this.analyser)
    this.analyser.disconnect()
  }
}

/** A level above this is someone speaking (a speaking indicator lights, narration ducks). */
export const SPEAKING_LEVEL = 0.04
/** How long an indicator stays lit after the level falls: speech has short gaps between words. */
export const SPEAKING_HOLD_MS = 500
