// The twin's controls, carried with the visitor like a cockpit: data source and stale state, the alert
// list, the asset panel, the confirmation, history replay and the inspection card. It follows the
// player's position and facing (teleports, snap turns), never the head, so it stays put to read. Where
// each panel goes comes from logic/hud-layout.ts: every slot inside the view at any window shape (or
// a headset), none covering another, reserved even while its panel is closed.
import { useThree } from '@react-three/fiber'
import { useMemo, useRef } from 'react'
import { type Camera, type Group, MathUtils, type Object3D } from 'three'
import { useFrameStage } from '../../../platform/frame'
import { usePlayer } from '../../../platform/locomotion'
import { measureTopInset, useDesktopViewShape, viewUiHidden, xrLeftSlotEdge } from '../../../platform/ui'
import type { TwinContent } from '../../../schema/kinds/twin'
import { HUD_DISTANCE, type HudSlot, layoutHud, type Rect, XR_VIEW } from '../logic/hud-layout'
import { useTwinAccess } from '../twin-access'
import { useTwinUi } from '../twin-store'
import { ALERT_TOP, AlertList } from './AlertList'
import { AssetPanel } from './AssetPanel'
import { ConfirmDialog } from './ConfirmDialog'
import { InspectionCard } from './InspectionCard'
import { StatusBar } from './StatusBar'
import { OperatorPrompt, TwinNotices } from './TwinAccess'

/** The desktop rig's eye height (the platform's PlayerRig); in a headset the HUD centres there too. */
const EYE_HEIGHT = 1.6

/** The HUD as laid out for the current window (or headset), for the debug view (read when asked). */
export const hudShown: {
  slots: Record<HudSlot, Rect> | null
  scale: number
  root: Object3D | null
  camera: Camera | null
  canvas: HTMLCanvasElement | null
} = { slots: null, scale: 1, root: null, camera: null, canvas: null }

export function TwinHud({ twin }: { twin: TwinContent }) {
  const group = useRef<Group>(null)
  // Follows the player store, which is final after the playerPose stage; only writes on a change.
  const placed = useRef({ x: Number.NaN, y: 0, z: 0, yaw: 0 })
  useFrameStage('uiFollow', () => {
    const g = group.current
    if (!g) return
    hudShown.root = g
    // The attract loop's camera and the lobby's stills have no operator behind them.
    g.visible = !viewUiHidden()
    const { position, yaw } = usePlayer.getState()
    const p = placed.current
    if (p.x === position[0] && p.y === position[1] && p.z === position[2] && p.yaw === yaw) return
    p.x = position[0]
    p.y = position[1]
    p.z = position[2]
    p.yaw = yaw
    g.position.set(position[0], position[1], position[2])
    g.rotation.set(0, MathUtils.degToRad(yaw), 0)
  })
  const height = useThree((s) => s.size.height)
  const desktop = useDesktopViewShape()
  const xr = desktop === null
  const camera = useThree((s) => s.camera)
  const canvas = useThree((s) => s.gl.domElement)
  // The page's own scene bar, measured as the platform's view slots measure it (it wraps onto two
  // lines in English on a narrow window, so no fixed height is right).
  const layout = useMemo(
    () =>
      layoutHud(
        desktop
          ? { ...desktop, distance: HUD_DISTANCE, topInset: height > 0 ? measureTopInset(canvas) : 0 }
          : { ...XR_VIEW, leftColumnEndsBefore: xrLeftSlotEdge(HUD_DISTANCE) },
      ),
    [desktop, height, canvas],
  )
  hudShown.slots = layout.slots
  hudShown.scale = layout.scale
  hudShown.camera = xr ? null : camera
  hudShown.canvas = canvas
  const selected = useTwinUi((s) => s.selected)
  const confirm = useTwinUi((s) => s.confirm)
  const inspecting = useTwinUi((s) => s.inspection.active)
  const replaying = useTwinUi((s) => s.replay.active)
  // The operator's code prompt is modal: the HUD behind it steps aside until it is answered.
  const prompting = useTwinAccess((s) => s.prompt !== null)
  const asset = twin.assets.find((a) => a.id === selected)
  const { slots, scale } = layout
  /** A slot's group: its panel's top edge at `top` (panel units) lands on the slot's top edge. */
  const at = (slot: HudSlot, top: number): [number, number, number] => [
    slots[slot].x,
    slots[slot].y + slots[slot].h / 2 - top * scale,
    0,
  ]
  return (
    <group ref={group} name="twin-hud">
      <group position={[0, EYE_HEIGHT, -HUD_DISTANCE]} visible={!prompting}>
        <group position={at('status', replaying ? 0.17 : 0.11)} scale={scale}>
          <StatusBar twin={twin} />
          <group position={[0, 0.17, 0]}>
            <TwinNotices />
          </group>
        </group>
        <group position={at('alerts', ALERT_TOP)} scale={scale}>
          <AlertList twin={twin} />
        </group>
        {asset && (
          <group position={at('asset', slots.asset.h / scale / 2)} scale={scale}>
            <AssetPanel twin={twin} asset={asset} />
          </group>
        )}
        {confirm && (
          <group position={at('confirm', slots.confirm.h / scale / 2)} scale={scale}>
            <ConfirmDialog twin={twin} />
          </group>
        )}
        {inspecting && (
          <group position={at('inspection', slots.inspection.h / scale / 2)} scale={scale}>
            <InspectionCard twin={twin} />
          </group>
        )}
      </group>
      {/*
        The operator's code prompt comes nearer than the HUD, in its place. In a headset it stands right
        of the XR menu's slot and inside the comfort field, a little smaller.
      */}
      <group position={xr ? [0.17, 1.45, -1] : [0, 1.5, -0.8]} scale={xr ? 0.88 : 1}>
        <OperatorPrompt />
      </group>
    </group>
  )
}
