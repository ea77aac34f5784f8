// The venue's reading of how long the visitor has left this device alone: the one last-input time of
// the input service (platform/input/last-input.ts), which the kiosk's idle timer reads too.
import { visitorIdleSeconds, watchVisitorInput } from '../input'

export { visitorIdleSeconds }

/** Starts listening for the visitor's input; returns the remover. */
export function installVisitorIdle(): () => void {
  return watchVisitorInput()
}
