// The twin's controls, carried with the visitor like a cockpit: data source and stale state, the alert
// list, the asset panel, the confirmation dialog, history replay and the inspection card. It follows
// the player's position and facing (teleports, snap turns), never the head, so it stays put to read.
import { useRef } from 'react'
import { type Group, MathUtils } from 'three'
import { useFrameStage } from '../../../platform/frame'
import { usePlayer } from '../../../platform/locomotion'
import type { TwinContent } from '../../../schema/kinds/twin'
import { useTwinUi } from '../twin-store'
import { AlertList } from './AlertList'
import { AssetPanel } from './AssetPanel'
import { ConfirmDialog } from './ConfirmDialog'
import { InspectionCard } from './InspectionCard'
import { StatusBar } from './StatusBar'
import { OperatorPrompt, TwinNotices } from './TwinAccess'

export function TwinHud({ twin }: { twin: TwinContent }) {
  const group = useRef<Group>(null)
  // Follows the player store, which is final after the playerPose stage; only writes on a change.
  const placed = useRef({ x: Number.NaN, y: 0, z: 0, yaw: 0 })
  useFrameStage('uiFollow', () => {
    const g = group.current
    if (!g) return
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
  const selected = useTwinUi((s) => s.selected)
  const confirm = useTwinUi((s) => s.confirm)
  const inspecting = useTwinUi((s) => s.inspection.active)
  const asset = twin.assets.find((a) => a.id === selected)
  return (
    <group ref={group} name="twin-hud">
      {/* Right of centre: in VR the platform's menu floats low on the left. */}
      <group position={[0.22, 1.0, -1.18]} rotation-x={-0.35}>
        <StatusBar twin={twin} />
        <group position={[0, 0.17, 0]}>
          <TwinNotices />
        </group>
      </group>
      <group position={[-0.78, 1.5, -1.15]} rotation-y={0.45}>
        <AlertList twin={twin} />
      </group>
      {asset && (
        <group position={[0.7, 1.64, -1.1]} rotation-y={-0.45}>
          <AssetPanel twin={twin} asset={asset} />
        </group>
      )}
      {confirm && (
        <group position={[0, 1.4, -0.85]}>
          <ConfirmDialog twin={twin} />
        </group>
      )}
      <group position={[0, 1.5, -0.8]}>
        <OperatorPrompt />
      </group>
      {inspecting && (
        <group position={[0, 1.28, -1.1]} rotation-x={-0.12}>
          <InspectionCard twin={twin} />
        </group>
      )}
    </group>
  )
}
