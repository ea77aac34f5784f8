// The held push-to-talk controls of the room's voice: T on a desktop keyboard, and B (right controller) or
// X (left) in a headset, each talking while held. Mounted inside the canvas by a kind whose room has voice;
// the on-screen button is the kind's own (it knows where its panels are).
import { useXRControllerButtonEvent, useXRInputSourceState } from '@react-three/xr'
import { useEffect } from 'react'
import { TALK_KEY, typingInField } from './push-to-talk'
import { currentVoiceChat } from './voice-chat'

export function PushToTalkControls() {
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      if (e.code !== TALK_KEY || e.repeat || typingInField(e.target)) return
      currentVoiceChat()?.holdTalk('key', true)
    }
    const up = (e: KeyboardEvent) => {
      if (e.code === TALK_KEY) currentVoiceChat()?.holdTalk('key', false)
    }
    // A key released while the window lost focus sends no keyup.
    const blur = () => currentVoiceChat()?.holdTalk('key', false)
    window.addEventListener('keydown', down)
    window.addEventListener('keyup', up)
    window.addEventListener('blur', blur)
    return () => {
      window.removeEventListener('keydown', down)
      window.removeEventListener('keyup', up)
      window.removeEventListener('blur', blur)
    }
  }, [])
  const right = useXRInputSourceState('controller', 'right')
  const left = useXRInputSourceState('controller', 'left')
  useXRControllerButtonEvent(right, 'b-button', (state) =>
    currentVoiceChat()?.holdTalk('controller', state === 'pressed'),
  )
  useXRControllerButtonEvent(left, 'x-button', (state) =>
    currentVoiceChat()?.holdTalk('controller', state === 'pressed'),
  )
  return null
}
