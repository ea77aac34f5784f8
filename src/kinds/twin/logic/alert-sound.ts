// The alert chime, synthesised with WebAudio (no sound files to ship or fetch): two short tones for a
// warning, three rising ones for a critical alert.
import type { TwinAlertSeverity } from '../../../schema/kinds/twin'

let context: AudioContext | null = null

export function playAlertSound(severity: TwinAlertSeverity): void {
  if (typeof window === 'undefined' || typeof window.AudioContext !== 'function') return
  try {
    context ??= new AudioContext()
    // Browsers keep audio suspended until the visitor has interacted; try, and stay silent if not yet allowed.
    if (context.state === 'suspended') void context.resume().catch(() => {})
    const notes = severity === 'critical' ? [880, 1046, 1318] : severity === 'warning' ? [660, 880] : [660]
    const start = context.currentTime + 0.02
    notes.forEach((frequency, i) => {
      const ctx = context as AudioContext
      const osc = ctx.createOscillator()
      const gain = ctx.createGain()
      osc.type = 'sine'
      osc.frequency.value = frequency
      const t0 = start + i * 0.18
      gain.gain.setValueAtTime(0, t0)
      gain.gain.linearRampToValueAtTime(0.25, t0 + 0.02)
      gain.gain.exponentialRampToValueAtTime(0.001, t0 + 0.16)
      osc.connect(gain).connect(ctx.destination)
      osc.start(t0)
      osc.stop(t0 + 0.17)
    })
  } catch {
    // No audio device: alerts are still shown.
  }
}
