// A short haptic pulse on the controller that selected, where the device supports it.
import { xrStore } from '../xr/xr-store'

export function pulseSelectingController(intensity = 0.6, durationMs = 40): void {
  const session = xrStore.getState().session
  if (!session) return
  for (const source of session.inputSources) {
    const gamepad = source.gamepad
    if (!gamepad?.buttons[0]?.pressed) continue
    const actuator = (gamepad as Gamepad & { hapticActuators?: { pulse?(v: number, d: number): unknown }[] })
      .hapticActuators?.[0]
    try {
      if (actuator?.pulse) void actuator.pulse(intensity, durationMs)
      else
        void gamepad.vibrationActuator?.playEffect('dual-rumble', {
          duration: durationMs,
          strongMagnitude: intensity,
        })
    } catch {
      // Haptics are a nicety; a device that refuses them must not break selection.
    }
  }
}
