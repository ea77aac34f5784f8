// In XR, a small menu floats low on the visitor's left and follows lazily: back to the lobby,
// switch language, settings, leave VR. It is reachable in every scene without taking the headset off;
// the left controller's Y or menu button opens the settings directly.
import { useThree } from '@react-three/fiber'
import { useXR, useXRControllerButtonEvent, useXRInputSourceState } from '@react-three/xr'
import { useEffect, useRef, useState } from 'react'
import { type Group, Vector3 } from 'three'
import { useFrameStage } from '../platform/frame'
import { localize, setLang, useLang, useUiText } from '../platform/i18n/i18n'
import { SettingsPanel } from '../platform/settings/SettingsPanel'
import { settingsStrings } from '../platform/settings/settings-strings'
import { Button } from '../platform/ui/Button'
import { HeadFollow } from '../platform/ui/HeadFollow'
import { Panel } from '../platform/ui/Panel'
import { registerUiProbeRoot } from '../platform/ui/ui-probe'
import { useRoute } from '../platform/url/route-store'
import { xrStore } from '../platform/xr/xr-store'

const head = new Vector3()
const forward = new Vector3()
const left = new Vector3()
const target = new Vector3()

export function XRMenu() {
  const inXR = useXR((s) => s.mode !== null)
  const scene = useThree((s) => s.scene)
  useEffect(() => registerUiProbeRoot(scene), [scene])
  if (!inXR) return null
  return <FollowingMenu />
}

function FollowingMenu() {
  const group = useRef<Group>(null)
  const camera = useThree((s) => s.camera)
  const scene = useRoute((s) => s.scene)
  const navigate = useRoute((s) => s.navigate)
  const lang = useLang()
  const t = useUiText()
  const [settingsOpen, setSettingsOpen] = useState(false)
  // The left controller's Y button (or its menu button, where the browser exposes it) opens and
  // closes the settings without aiming at the menu: the convention visitors know from headset apps.
  const leftController = useXRInputSourceState('controller', 'left')
  const toggleSettings = (state: string) => state === 'pressed' && setSettingsOpen((open) => !open)
  useXRControllerButtonEvent(leftController, 'y-button', toggleSettings)
  useXRControllerButtonEvent(leftController, 'menu', toggleSettings)
  useFrameStage('uiFollow', (_, delta) => {
    const g = group.current
    if (!g) return
    camera.getWorldPosition(head)
    camera.getWorldDirection(forward).setY(0).normalize()
    left.set(forward.z, 0, -forward.x)
    target.copy(head).addScaledVector(forward, 0.75).addScaledVector(left, 0.42).add({ x: 0, y: -0.45, z: 0 })
    // Lazy follow: only catch up when the menu has fallen well out of place.
    if (g.position.distanceTo(target) > 0.35 || g.userData.placed !== true) {
      g.userData.placed = true
      g.userData.moving = true
    }
    if (g.userData.moving) {
      g.position.lerp(target, Math.min(1, delta * 4))
      if (g.position.distanceTo(target) < 0.02) g.userData.moving = false
    }
    g.lookAt(head)
  })
  const buttonProps = { width: 0.3, height: 0.07, fontSize: 0.028 } as const
  return (
    <>
      <group ref={group} name="xr-menu">
        <Panel width={0.34} height={0.41} color="#20232a" opacity={0.85}>
          {scene && (
            <Button
              {...buttonProps}
              label={t('backToLobby')}
              position={[0, 0.145, 0.01]}
              onPress={() => navigate({ scene: undefined })}
              name="xr-menu:lobby"
            />
          )}
          <Button
            {...buttonProps}
            label={t('switchLanguage')}
            position={[0, 0.055, 0.01]}
            onPress={() => setLang(lang === 'zh' ? 'en' : 'zh')}
            name="xr-menu:language"
          />
          <Button
            {...buttonProps}
            label={localize(settingsStrings.settings, lang)}
            position={[0, -0.035, 0.01]}
            selected={settingsOpen}
            onPress={() => setSettingsOpen((open) => !open)}
            name="xr-menu:settings"
          />
          <Button
            {...buttonProps}
            label={t('exitVR')}
            position={[0, -0.125, 0.01]}
            variant="danger"
            onPress={() => void xrStore.getState().session?.end()}
            name="xr-menu:exit"
          />
        </Panel>
      </group>
      {settingsOpen && (
        // Slightly right of centre so the menu on the left never covers it.
        <HeadFollow distance={0.85} side={0.14} height={-0.12} name="settings-follow">
          <SettingsPanel onClose={() => setSettingsOpen(false)} />
        </HeadFollow>
      )}
    </>
  )
}
