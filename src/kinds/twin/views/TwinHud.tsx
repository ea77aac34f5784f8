// The twin's controls, carried with the visitor like a cockpit: data source and stale state, the alert
// list, the asset panel, the confirmation, history replay and the inspection card. They are the
// platform's dashboard (`Dashboard`): it follows the player's position and facing, never the head, and
// gives each panel a slot (logic/hud-plan.ts) inside the view at any window shape (or a headset), none
// covering another, reserved even while its panel is closed.
import { Dashboard, DashboardSlot, dashboardShown, useDesktopViewShape } from '../../../platform/ui'
import type { TwinContent } from '../../../schema/kinds/twin'
import { HUD_PLAN, type HudSlot } from '../logic/hud-plan'
import { useTwinAccess } from '../twin-access'
import { useTwinUi } from '../twin-store'
import { ALERT_TOP, AlertList } from './AlertList'
import { AssetPanel } from './AssetPanel'
import { ConfirmDialog } from './ConfirmDialog'
import { InspectionCard } from './InspectionCard'
import { StatusBar } from './StatusBar'
import { OperatorPrompt, TwinNotices } from './TwinAccess'

/** The HUD as laid out for the current window (or headset), for the debug view (read when asked). */
export const hudShown = dashboardShown<HudSlot>()

export function TwinHud({ twin }: { twin: TwinContent }) {
  const xr = useDesktopViewShape() === null
  const selected = useTwinUi((s) => s.selected)
  const confirm = useTwinUi((s) => s.confirm)
  const inspecting = useTwinUi((s) => s.inspection.active)
  const replaying = useTwinUi((s) => s.replay.active)
  // The operator's code prompt is modal: the HUD behind it steps aside until it is answered.
  const prompting = useTwinAccess((s) => s.prompt !== null)
  const asset = twin.assets.find((a) => a.id === selected)
  return (
    <Dashboard
      plan={HUD_PLAN}
      name="twin-hud"
      shown={hudShown}
      slotsHidden={prompting}
      around={
        // The operator's code prompt comes nearer than the HUD, in its place. In a headset it stands
        // right of the XR menu's slot and inside the comfort field, a little smaller.
        <group position={xr ? [0.17, 1.45, -1] : [0, 1.5, -0.8]} scale={xr ? 0.88 : 1}>
          <OperatorPrompt />
        </group>
      }
    >
      <DashboardSlot slot="status" top={replaying ? 0.17 : 0.11}>
        <StatusBar twin={twin} />
        <group position={[0, 0.17, 0]}>
          <TwinNotices />
        </group>
      </DashboardSlot>
      <DashboardSlot slot="alerts" top={ALERT_TOP}>
        <AlertList twin={twin} />
      </DashboardSlot>
      {asset && (
        <DashboardSlot slot="asset">
          <AssetPanel twin={twin} asset={asset} />
        </DashboardSlot>
      )}
      {confirm && (
        <DashboardSlot slot="confirm">
          <ConfirmDialog twin={twin} />
        </DashboardSlot>
      )}
      {inspecting && (
        <DashboardSlot slot="inspection">
          <InspectionCard twin={twin} />
        </DashboardSlot>
      )}
    </Dashboard>
  )
}
