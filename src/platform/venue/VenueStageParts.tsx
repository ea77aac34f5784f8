// The venue's parts inside the 3D stage: the frame meter (the stage's own loop, so it also counts an XR
// session's frames), while a spectator watches the pose probe, and in a headset the staff message as a
// head-locked panel in the top view slot.
import { useThree } from '@react-three/fiber'
import { useXR } from '@react-three/xr'
import { useEffect, useMemo } from 'react'
import { POSE_INTERVAL_MS } from '../../shared/venue/spectator-messages'
import { useFrameStage } from '../frame'
import { localize, useLang } from '../i18n'
import { samplePose } from '../spectate/pose-sampler'
import { Panel, UiText, ViewSlot } from '../ui'
import { useXRSession } from '../xr/xr-session'
import { venueXRNotice } from './debug'
import { countFrame } from './frame-meter'
import { xrNoticeText } from './notice-lines'
import { posePacer } from './pose-pacer'
import { keepLatestPose } from './spectated-stream'
import { useNoticeExpiry } from './VenueNotice'
import { useVenue } from './venue-store'
import { venueStrings } from './venue-strings'

const W = 0.9
const FONT = 0.055
const LINE_HEIGHT = 1.25

export function VenueStageParts() {
  useFrameStage('probe', () => countFrame())
  const inXR = useXRSession((s) => s.mode !== null)
  const notice = useVenue((s) => s.notice)
  const watched = useVenue((s) => s.watched)
  return (
    <>
      {watched && <PoseProbe />}
      {inXR && notice && <XRNotice text={notice.text} />}
    </>
  )
}

/** Samples the visitor's head and hands as this frame will draw them, for the spectator stream. */
function PoseProbe() {
  const camera = useThree((s) => s.camera)
  const space = useXR((s) => s.originReferenceSpace)
  const origin = useXR((s) => s.origin)
  // A headset draws 72–120 frames a second; the stream sends 25: sample on the stream's schedule.
  const pacer = useMemo(() => posePacer(POSE_INTERVAL_MS), [])
  useFrameStage('probe', (_, __, frame: XRFrame | undefined) => {
    if (!pacer.due(performance.now())) return
    keepLatestPose(samplePose(camera, frame && space ? { frame, space, origin } : undefined))
  })
  return null
}

function XRNotice({ text }: { text: string }) {
  const lang = useLang()
  useNoticeExpiry()
  useEffect(() => {
    venueXRNotice.shown = true
    return () => {
      venueXRNotice.shown = false
    }
  }, [])
  const shown = xrNoticeText(localize(venueStrings.staffNotice, lang), text, (W - 0.08) / FONT)
  const height = shown.lines * FONT * LINE_HEIGHT + 0.06
  return (
    <ViewSlot slot="top" width={W} height={height} name="venue-notice">
      <Panel width={W} height={height} color="#1d3557" name="venue-notice-panel">
        <UiText
          text={shown.text}
          color="#ffffff"
          fontSize={FONT}
          lineHeight={LINE_HEIGHT}
          maxWidth={W - 0.08}
          textAlign="center"
          position={[0, 0, 0.002]}
        />
      </Panel>
    </ViewSlot>
  )
}
