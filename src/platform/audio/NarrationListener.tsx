// Puts the Web Audio listener where the visitor's head is, so a guide's or clerk's voice comes from
// where they stand (and live voice from each speaker's head). Only while a voice plays with a place or live
// voice is playing, and without allocating per frame.
import { Quaternion, Vector3 } from 'three'
import { useFrameStage } from '../frame'
import { useNarrationStore } from './narration'
import { registerNarrationDebugView } from './narration-debug'
import { liveVoiceIsListening, narrationListener } from './voice-player'

registerNarrationDebugView()

const head = new Vector3()
const turn = new Quaternion()
const forward = new Vector3()
const up = new Vector3()

export function NarrationListener() {
  useFrameStage('uiFollow', ({ camera }) => {
    const { source, position, speaking } = useNarrationStore.getState()
    if ((!speaking || source !== 'audio' || !position) && !liveVoiceIsListening()) return
    const listener = narrationListener()
    if (!listener?.positionX) return
    camera.getWorldPosition(head)
    camera.getWorldQuaternion(turn)
    forward.set(0, 0, -1).applyQuaternion(turn)
    up.set(0, 1, 0).applyQuaternion(turn)
    listener.positionX.value = head.x
    listener.positionY.value = head.y
    listener.positionZ.value = head.z
    listener.forwardX.value = forward.x
    listener.forwardY.value = forward.y
    listener.forwardZ.value = forward.z
    listener.upX.value = up.x
    listener.upY.value = up.y
    listener.upZ.value = up.z
  })
  return null
}
