// A kind's dashboard (dashboard-layout.ts) in the scene: it follows the player's position and facing
// (teleports, snap turns), never the head, so it stays put to read, and puts each `<DashboardSlot>` in
// the slot the layout gives it for the current window (or the headset). Slots are reserved whether
// their panel is shown or not.
import { useThree } from '@react-three/fiber'
import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef } from 'react'
import { type Camera, type Group, MathUtils, type Object3D } from 'three'
import { useFrameStage } from '../frame'
import { DESKTOP_EYE_HEIGHT, usePlayer } from '../locomotion/player'
import {
  DASHBOARD_DISTANCE,
  type DashboardLayout,
  type DashboardPlan,
  type DashboardRect,
  layoutDashboard,
  XR_DASHBOARD_VIEW,
} from './dashboard-layout'
import { FlatLayerGroup } from './FlatLayerGroup'
import { useDesktopViewShape } from './use-desktop-view'
import { measureTopInset } from './ViewSlot'
import { viewUiHidden } from './view-ui-visibility'

/** What a dashboard last laid out, for a kind's debug view (read when a test asks). */
export interface DashboardShown<S extends string = string> {
  slots: Record<S, DashboardRect> | null
  scale: number
  root: Object3D | null
  /** The desktop camera; null in a headset. */
  camera: Camera | null
  canvas: HTMLCanvasElement | null
}

export function dashboardShown<S extends string>(): DashboardShown<S> {
  return { slots: null, scale: 1, root: null, camera: null, canvas: null }
}

const DashboardContext = createContext<DashboardLayout<string> | null>(null)

export interface DashboardProps<S extends string> {
  plan: DashboardPlan<S>
  name: string
  /** Filled on every layout, for the kind's debug view. */
  shown?: DashboardShown<S>
  /** Hides the plane's slots (a modal prompt in front of them); `around` stays. */
  slotsHidden?: boolean
  /** `<DashboardSlot>`s. */
  children: ReactNode
  /** Anything else carried with the player, in the player's frame (feet at the origin, facing -Z). */
  around?: ReactNode
}

export function Dashboard<S extends string>({
  plan,
  name,
  shown,
  slotsHidden,
  children,
  around,
}: DashboardProps<S>) {
  const group = useRef<Group | null>(null)
  // The debug view's root is set once, when the group mounts, not every frame.
  const setGroup = useCallback(
    (g: Group | null) => {
      group.current = g
      if (shown) shown.root = g
    },
    [shown],
  )
  // Follows the player store, which is final after the playerPose stage; only writes on a change.
  const placed = useRef({ x: Number.NaN, y: 0, z: 0, yaw: 0 })
  useFrameStage('uiFollow', () => {
    const g = group.current
    if (!g) return
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
  const camera = useThree((s) => s.camera)
  const canvas = useThree((s) => s.gl.domElement)
  // The page's own scene bar, measured as the view slots measure it (it wraps onto two lines in
  // English on a narrow window, so no fixed height is right).
  const layout = useMemo(
    () =>
      layoutDashboard(
        desktop
          ? { ...desktop, distance: DASHBOARD_DISTANCE, topInset: height > 0 ? measureTopInset(canvas) : 0 }
          : XR_DASHBOARD_VIEW,
        plan,
      ),
    [desktop, height, canvas, plan],
  )
  if (shown) {
    shown.slots = layout.slots
    shown.scale = layout.scale
    shown.camera = desktop ? camera : null
    shown.canvas = canvas
  }
  return (
    <group ref={setGroup} name={name}>
      <group position={[0, DESKTOP_EYE_HEIGHT, -DASHBOARD_DISTANCE]} visible={!slotsHidden}>
        <DashboardContext.Provider value={layout}>{children}</DashboardContext.Provider>
      </group>
      {around}
    </group>
  )
}

export interface DashboardSlotProps {
  slot: string
  /** Where the panel's top edge is in its own units (above its origin); default: a centred panel. */
  top?: number
  children: ReactNode
}

/** Puts its children, at the dashboard's scale, with their top edge on the top of `slot`. */
export function DashboardSlot({ slot, top, children }: DashboardSlotProps) {
  const layout = useContext(DashboardContext)
  if (!layout) throw new Error('DashboardSlot outside a Dashboard')
  const r = layout.slots[slot]
  if (!r) throw new Error(`Dashboard has no slot "${slot}"`)
  const { scale } = layout
  const panelTop = top ?? r.h / scale / 2
  return (
    <group
      position={[r.x, r.y + r.h / 2 - panelTop * scale, 0]}
      scale={scale}
      userData={{ dashboardSlot: slot }}
    >
      <FlatLayerGroup>{children}</FlatLayerGroup>
    </group>
  )
}
