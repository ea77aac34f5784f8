// Where the visitor stands and faces, shared by XR (the XR origin) and desktop (the camera rig).
// Kinds move the visitor with teleportPlayer(); per-frame readers use getPlayerPosition().
import { Vector3 } from 'three'
import { create } from 'zustand'
import type { FloorArea, Vec3 } from '../../schema/common'

interface PlayerState {
  /** Feet position of the visitor (the XR origin / desktop rig). */
  position: Vec3
  /** Facing in degrees around +Y; 0 looks down -Z. */
  yaw: number
  /** Bumped on every teleport so smooth desktop walking can be cancelled. */
  teleportCount: number
  floors: FloorArea[]
  /** Where the open scene starts the visitor; recenter turns back to its yaw. */
  spawn: { position: Vec3; yaw: number }
}

/** The desktop camera's height above the player's feet (a headset brings its own). */
export const DESKTOP_EYE_HEIGHT = 1.6

export const usePlayer = create<PlayerState>(() => ({
  position: [0, 0, 0],
  yaw: 0,
  teleportCount: 0,
  floors: [],
  spawn: { position: [0, 0, 0], yaw: 0 },
}))

/** The head's world position, updated every frame by the active rig (XR or desktop). */
const headPosition = new Vector3(0, 1.6, 0)

export function teleportPlayer(position: Vec3, yawDeg?: number): void {
  usePlayer.setState((s) => ({
    position: [position[0], position[1], position[2]],
    yaw: yawDeg ?? s.yaw,
    teleportCount: s.teleportCount + 1,
  }))
}

export function setPlayerFloors(floors: FloorArea[]): void {
  usePlayer.setState({ floors })
}

export function setPlayerSpawn(position: Vec3, yaw = 0): void {
  usePlayer.setState({ spawn: { position: [position[0], position[1], position[2]], yaw } })
}

/** The head's world yaw in degrees (0 looks down -Z), updated every frame by the active rig. */
let headYaw = 0

export function setHeadYaw(yawDeg: number): void {
  headYaw = yawDeg
}

/**
 * Recenter: turn the visitor so the head faces the scene's spawn direction again, wherever the
 * body ended up facing after turns (in XR the head may also be turned inside the play space).
 */
export function recenterPlayer(): void {
  const { yaw, spawn } = usePlayer.getState()
  usePlayer.setState({ yaw: normalizeDegrees(yaw + spawn.yaw - headYaw) })
}

export function normalizeDegrees(deg: number): number {
  const d = ((deg % 360) + 360) % 360
  return d > 180 ? d - 360 : d
}

export function getPlayerPosition(): Vector3 {
  const [x, y, z] = usePlayer.getState().position
  return new Vector3(x, y, z)
}

/** The visitor's eyes in world space (for guides that face the visitor, head-following panels…). */
export function getHeadPosition(target = new Vector3()): Vector3 {
  return target.copy(headPosition)
}

export function setHeadPosition(position: Vector3): void {
  headPosition.copy(position)
}

/** True when (x, z) lies on one of the scene's floor areas: the only places a visitor may go. */
export function isOnFloor(floors: readonly FloorArea[], x: number, z: number): boolean {
  return floors.some((a) => x >= a.min[0] && x <= a.max[0] && z >= a.min[1] && z <= a.max[1])
}

/** The floor height at (x, z), or undefined off the floor areas. */
export function floorHeightAt(floors: readonly FloorArea[], x: number, z: number): number | undefined {
  return floors.find((a) => x >= a.min[0] && x <= a.max[0] && z >= a.min[1] && z <= a.max[1])?.y
}
