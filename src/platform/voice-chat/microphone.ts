// The visitor's microphone for live voice: asked once, when this device first may speak, with the
// browser's own echo cancelling, noise suppression and gain control (a headset's speakers sit beside its
// microphone). A refusal is remembered for the visit: the visitor still hears everyone.

export type MicState = 'idle' | 'asking' | 'on' | 'denied' | 'unavailable'

let stream: MediaStream | undefined
let pending: Promise<MediaStream | MicState> | undefined
/** The visitor said no (or there is no microphone): not asked again on every change of the room. */
let refused: MicState | undefined

/** The microphone's audio track, asking the first time; 'denied' or 'unavailable' when there is none. */
export function captureMicrophone(): Promise<MediaStream | MicState> {
  if (stream?.getAudioTracks()[0]?.readyState === 'live') return Promise.resolve(stream)
  if (refused) return Promise.resolve(refused)
  if (pending) return pending
  if (typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia)
    return Promise.resolve('unavailable')
  pending = navigator.mediaDevices
    .getUserMedia({
      audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true, channelCount: 1 },
      video: false,
    })
    .then(
      (s) => {
        stream = s
        return s
      },
      (error: unknown) => {
        const name = (error as { name?: string }).name
        // NotAllowedError: the visitor (or the device's policy) said no; anything else: no microphone.
        refused = name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'unavailable'
        return refused
      },
    )
    .finally(() => {
      pending = undefined
    })
  return pending
}

/** Lets the microphone go (the room closed): the browser's recording light goes off. */
export function releaseMicrophone(): void {
  for (const track of stream?.getTracks() ?? []) track.stop()
  stream = undefined
}
