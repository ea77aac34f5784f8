// Subtitles for the current narration: a head-locked bar low in view in XR, a caption on desktop.
import { useThree } from '@react-three/fiber'
import { useRef } from 'react'
import { type Group, Vector3 } from 'three'
import { useFrameStage } from '../frame'
import { useSettings } from '../settings/settings-store'
import { Panel } from '../ui/Panel'
import { theme } from '../ui/theme'
import { UiText } from '../ui/UiText'
import { useNarrationStore } from './narration'

const ahead = new Vector3()

export function SubtitleBar() {
  const subtitle = useNarrationStore((s) => s.subtitle)
  const scale = useSettings((s) => s.subtitleScale)
  const group = useRef<Group>(null)
  const camera = useThree((s) => s.camera)
  // Lazy follow: the bar drifts after the head instead of being glued to it, which is easier on the eyes.
  useFrameStage('uiFollow', (_, delta) => {
    const g = group.current
    if (!g) return
    camera.getWorldDirection(ahead).setY(0).normalize()
    const target = camera
      .getWorldPosition(new Vector3())
      .addScaledVector(ahead, 1.2)
      .add(new Vector3(0, -0.35, 0))
    g.position.lerp(target, Math.min(1, delta * 3))
    g.lookAt(camera.getWorldPosition(new Vector3()))
  })
  if (!subtitle) return null
  const fontSize = 0.04 * scale
  return (
    // Subtitles float low in view, where controller rays pass: they must never catch a pointer.
    <group ref={group} name="subtitle-bar" pointerEvents="none">
      <Panel width={1.1} height={fontSize * 3.6} color={theme.panelDark} opacity={0.82}>
        <UiText text={subtitle} fontSize={fontSize} maxWidth={1.02} color={theme.textOnDark} fixedSize />
      </Panel>
    </group>
  )
}
