// The room itself: walls with windows and a teacher's platform (one vertex-coloured geometry, one draw
// call) and rows of desks (one glTF desk drawn as instanced meshes, one draw call per material for every
// desk in the room).
import { useMemo } from 'react'
import { BoxGeometry } from 'three'
import { ColoredGeometryBatch } from '../../../platform/geometry'
import { AssetBoundary, InstancedModel, type Placement } from '../../../platform/models'
import type { ClassroomContent } from '../../../schema/kinds/classroom'

const DESK_URL = '/models/classroom-desk.glb'
/** The desk model's chair sits 0.55 m behind the desk centre; seats are where the chair is. */
const CHAIR_OFFSET = 0.55

export function ClassroomRoom({ content }: { content: ClassroomContent }) {
  const room = useMemo(() => buildRoom(), [])
  return (
    <group name="classroom-room">
      {room && (
        <mesh geometry={room} receiveShadow>
          <meshStandardMaterial vertexColors roughness={0.9} />
        </mesh>
      )}
      <AssetBoundary asset={DESK_URL}>
        <Desks content={content} />
      </AssetBoundary>
    </group>
  )
}

function Desks({ content }: { content: ClassroomContent }) {
  // Desk centre lies CHAIR_OFFSET in front of the seat, towards the screen (-Z).
  const placements = useMemo(
    () =>
      content.seats.map(
        (seat): Placement => ({
          position: [seat.position[0], seat.position[1], seat.position[2] - CHAIR_OFFSET],
          rotationY: seat.yaw,
        }),
      ),
    [content.seats],
  )
  return <InstancedModel src={DESK_URL} placements={placements} name="classroom-desks" />
}

const WALL = '#ece6da'
const PLATFORM = '#8a6a4a'

/** Four walls with window gaps on the east side and the teacher's platform in front of the screen. */
function buildRoom() {
  const batch = new ColoredGeometryBatch()
  const box = (w: number, h: number, d: number, x: number, y: number, z: number) =>
    batch.place(new BoxGeometry(w, h, d), WALL, [x, y, z])
  const H = 3.4
  box(14.4, H, 0.2, 0, H / 2, -6.1) // front wall behind the screen
  box(14.4, H, 0.2, 0, H / 2, 7.1) // back wall
  box(0.2, H, 13.2, -7.1, H / 2, 0.5) // west wall
  // East wall: below and above a window band, with piers between windows.
  box(0.2, 1.0, 13.2, 7.1, 0.5, 0.5)
  box(0.2, 0.6, 13.2, 7.1, H - 0.3, 0.5)
  for (const z of [-5.5, -2.5, 0.5, 3.5, 6.5]) box(0.2, H - 1.6, 0.8, 7.1, 1.0 + (H - 1.6) / 2, z)
  batch.place(new BoxGeometry(7, 0.12, 2.2), PLATFORM, [0, 0.06, -4.7])
  return batch.merge()
}
