// First-time help in the headset: short labels beside the visitor's own controllers or hands (how to
// point and select, teleport and turn with the stick, where the menu is), and a small panel in front
// with "Got it". Shown on the first immersive session of a visitor until "Got it": a hint that left by
// itself could go before a slow first-time visitor has read it.
import { useXR, useXRInputSourceStates } from '@react-three/xr'
import { useRef } from 'react'
import { type Group, Vector3 } from 'three'
import type { LocalizedText } from '../../schema/common'
import { useFrameStage } from '../frame'
import { useLocalize } from '../i18n'
import { Button, HeadFollow, Panel, UiText } from '../ui'
import { useXRSession } from '../xr'
import { dismissXrHelp, useOnboarding } from './onboarding-store'
import { onboardingStrings as s } from './onboarding-strings'

export function XROnboardingHint() {
  const mode = useXRSession((x) => x.mode)
  const seen = useOnboarding((o) => o.xrSeen)
  if (mode !== 'immersive-vr' || seen) return null
  return <Hint />
}

function Hint() {
  const l = useLocalize()
  const sources = useXRInputSourceStates()
  return (
    <group name="onboarding:xr">
      {sources.map((state) => {
        if (state.type !== 'controller' && state.type !== 'hand') return null
        const source = state.inputSource
        const side = source.handedness === 'left' ? 'left' : 'right'
        const text: LocalizedText =
          state.type === 'hand'
            ? side === 'left'
              ? s.xrHandLeft
              : s.xrHand
            : side === 'left'
              ? s.xrLeft
              : s.xrRight
        return (
          <SourceLabel
            key={state.id}
            source={source}
            text={l(text)}
            name={`onboarding:xr:${state.type}:${side}`}
          />
        )
      })}
      <HeadFollow distance={0.9} height={-0.28} name="onboarding:xr:panel">
        <Panel width={0.5} height={0.2}>
          <UiText text={l(s.xrTitle)} fontSize={0.04} position={[0, 0.05, 0.01]} />
          <Button
            label={l(s.skip)}
            width={0.26}
            height={0.07}
            position={[0, -0.04, 0.01]}
            variant="primary"
            onPress={dismissXrHelp}
            name="onboarding:xr:skip"
          />
        </Panel>
      </HeadFollow>
    </group>
  )
}

const world = new Vector3()
const head = new Vector3()

/** A label that rides above one input source's grip, turned toward the visitor's eyes. */
function SourceLabel({ source, text, name }: { source: XRInputSource; text: string; name: string }) {
  const group = useRef<Group>(null)
  const referenceSpace = useXR((x) => x.originReferenceSpace)
  const origin = useXR((x) => x.origin)
  useFrameStage('uiFollow', (state, _, frame: XRFrame | undefined) => {
    const g = group.current
    if (!g || !referenceSpace || !frame) return
    const pose = frame.getPose(source.gripSpace ?? source.targetRaySpace, referenceSpace)
    g.visible = !!pose
    if (!pose) return
    const p = pose.transform.position
    world.set(p.x, p.y + 0.09, p.z)
    if (origin) origin.localToWorld(world)
    g.position.copy(world)
    state.camera.getWorldPosition(head)
    g.lookAt(head)
  })
  return (
    <group ref={group} name={name} visible={false}>
      <Panel width={0.2} height={0.085} opacity={0.88}>
        <UiText text={text} fontSize={0.014} maxWidth={0.185} position={[0, 0, 0.003]} />
      </Panel>
    </group>
  )
}
