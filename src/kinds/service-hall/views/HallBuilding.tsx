// The physical hall: the merged static shell, the instanced window counters and seat rows, clerks at
// every window (HallClerks), and the signs that make it readable at a glance (HallSigns).
import { useMemo } from 'react'
import { InstancedModel } from '../../../platform/models'
import { SurfaceMaterial } from '../../../platform/render'
import type { ServiceHallContent } from '../../../schema/kinds/service-hall'
import { buildHallShell, HALL_FLOOR_SURFACE } from '../logic/hall-geometry'
import { seatPlacements } from '../logic/hall-placement'
import { HallClerks } from './HallClerks'
import { HallSigns } from './HallSigns'

export function HallBuilding({ content }: { content: ServiceHallContent }) {
  const { layout } = content
  const shell = useMemo(() => buildHallShell(layout), [layout])
  const windowPlacements = useMemo(
    () => layout.windows.map((w) => ({ position: w.position, rotationY: w.rotationY })),
    [layout.windows],
  )
  const seats = useMemo(() => seatPlacements(content), [content])
  return (
    <group name="service-hall">
      <mesh geometry={shell} name="hall-shell">
        <SurfaceMaterial texture={HALL_FLOOR_SURFACE.name} />
      </mesh>
      <InstancedModel src={layout.models.window} placements={windowPlacements} name="hall-windows" />
      <InstancedModel src={layout.models.seatRow} placements={seats} name="hall-seats" />
      <HallClerks content={content} />
      <HallSigns content={content} />
    </group>
  )
}
