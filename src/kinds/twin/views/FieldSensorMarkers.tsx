// The park's field sensors as one InstancedMesh (one draw call for all of them), placed by the shared
// layout and coloured by temperature. Colours are rewritten in one pass when a new batch has arrived
// (one instanceColor upload per batch, none on frames without news). Markers never take pointer
// events, so they cannot block a click on an asset.
import { useEffect, useMemo, useRef } from 'react'
import {
  BoxGeometry,
  DynamicDrawUsage,
  InstancedBufferAttribute,
  InstancedMesh,
  Matrix4,
  MeshBasicMaterial,
} from 'three'
import { useFrameStage } from '../../../platform/frame'
import type { TwinContent } from '../../../schema/kinds/twin'
import { fieldSensorLayout } from '../../../shared/twin/field-sensor-layout'
import { temperatureColor } from '../logic/field-sensor-buffer'
import { useTwinUi } from '../twin-store'
import { useTwinRuntime } from './twin-context'

/** Marker post: 0.4 m square, 1.2 m tall, standing on the ground (12 triangles each). */
const MARKER_SIZE: [number, number, number] = [0.4, 1.2, 0.4]

/** Read-only view of the drawn markers for the test hooks and the bench. */
export const fieldSensorView: { mesh: InstancedMesh | null; colorUploads: number } = {
  mesh: null,
  colorUploads: 0,
}

export function FieldSensorMarkers({ twin }: { twin: TwinContent }) {
  const runtime = useTwinRuntime()
  const count = useTwinUi((s) => s.fieldSensors)
  const shown = useTwinUi((s) => s.sensorsShown && !s.replay.active)
  const mesh = useMemo(() => {
    if (count <= 0) return null
    const geometry = new BoxGeometry(...MARKER_SIZE)
    geometry.translate(0, MARKER_SIZE[1] / 2, 0)
    const m = new InstancedMesh(geometry, new MeshBasicMaterial({ toneMapped: false }), count)
    const layout = fieldSensorLayout(twin, count)
    const matrix = new Matrix4()
    for (let i = 0; i < count; i++)
      m.setMatrixAt(i, matrix.makeTranslation(layout[i * 2], 0, layout[i * 2 + 1]))
    m.instanceColor = new InstancedBufferAttribute(new Float32Array(count * 3).fill(0.5), 3)
    m.instanceColor.setUsage(DynamicDrawUsage)
    // Placed once: the bounds over all instances keep frustum culling right.
    m.computeBoundingSphere()
    m.raycast = () => {}
    m.name = 'twin-field-sensors'
    return m
  }, [twin, count])

  useEffect(() => {
    if (!mesh) return
    fieldSensorView.mesh = mesh
    return () => {
      if (fieldSensorView.mesh === mesh) fieldSensorView.mesh = null
      mesh.geometry.dispose()
      ;(mesh.material as MeshBasicMaterial).dispose()
      mesh.dispose()
    }
  }, [mesh])

  const drawnBatch = useRef(-1)
  useFrameStage('kindLogic', () => {
    const colors = mesh?.instanceColor
    const batch = runtime.fieldSensors
    // A hidden layer skips the work; the first frame it shows again repaints from the latest batch.
    if (!mesh || !colors || !mesh.visible || batch.batches === drawnBatch.current) return
    drawnBatch.current = batch.batches
    const array = colors.array as Float32Array
    const n = Math.min(mesh.count, batch.count)
    for (let i = 0; i < n; i++) temperatureColor(batch.values[i], array, i * 3)
    colors.needsUpdate = true
    fieldSensorView.colorUploads++
  })

  if (!mesh) return null
  return <primitive object={mesh} visible={shown} />
}
