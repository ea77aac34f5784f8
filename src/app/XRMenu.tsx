// In XR, a small menu sits in the platform's left view slot and follows lazily: back to the lobby,
// switch language, settings, leave VR. It is reachable in every scene without taking the headset off;
// the left controller's Y or menu button opens the settings directly.
import { useThree } from '@react-three/fiber'
import { useXR, useXRControllerButtonEvent, useXRInputSourceState } from '@react-three/xr'
import { useEffect, useState } from 'react'
import { localize, setLang, useLang, useUiText } from '../platform/i18n/i18n'
import { SettingsPanel } from '../platform/settings/SettingsPanel'
import { settingsStrings } from '../platform/settings/settings-strings'
import { Button } from '../platform/ui/Button'
import { HeadFollow } from '../platform/ui/HeadFollow'
import { Panel } from '../platform/ui/Panel'
import { registerUiProbeRoot } from '../platform/ui/ui-probe'
import { ViewSlot } from '../platform/ui/ViewSlot'
import { useRoute } from '../platform/url/route-store'
import { xrStore } from '../platform/xr/xr-store'
import { XR_MENU } from './xr-menu-size'

export function XRMenu() {
  const inXR = useXR((s) => s.mode !== null)
  const scene = useThree((s) => s.scene)
  useEffect(() => registerUiProbeRoot(scene), [scene])
  if (!inXR) return null
  return <FollowingMenu />
}

function FollowingMenu() {
  const scene = useRoute((s) => s.scene)
  const navigate = useRoute((s) => s.navigate)
  const lang = useLang()
  const t = useUiText()
  const xrMode = useXR((s) => s.mode)
  const [settingsOpen, setSettingsOpen] = useState(false)
  // The left controller's Y button (or its menu button, where the browser exposes it) opens and
  // closes the settings without aiming at the menu: the convention visitors know from headset apps.
  const leftController = useXRInputSourceState('controller', 'left')
  const toggleSettings = (state: string) => state === 'pressed' && setSettingsOpen((open) => !open)
  useXRControllerButtonEvent(leftController, 'y-button', toggleSettings)
  useXRControllerButtonEvent(leftController, 'menu', toggleSettings)
  const buttonProps = XR_MENU.button
  return (
    <>
      {/* The platform's left view slot: clear of the kinds' console, subtitle and cards (layout rules).
          First in the slot, so it stays put while a kind's side panel (a tour group's) comes and goes below. */}
      <ViewSlot slot="left" order={-1} width={XR_MENU.width} height={XR_MENU.height} name="xr-menu">
        <Panel width={XR_MENU.width} height={XR_MENU.height} color="#20232a" opacity={0.85}>
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
            label={t(xrMode === 'immersive-ar' ? 'exitAR' : 'exitVR')}
            position={[0, -0.125, 0.01]}
            variant="danger"
            onPress={() => void xrStore.getState().session?.end()}
            name="xr-menu:exit"
          />
        </Panel>
      </ViewSlot>
      {settingsOpen && (
        // Slightly right of centre so the menu on the left never covers it.
        <HeadFollow distance={0.85} side={0.14} height={-0.12} name="settings-follow">
          <SettingsPanel onClose={() => setSettingsOpen(false)} />
        </HeadFollow>
      )}
    </>
  )
}
