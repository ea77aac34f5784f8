// No tour stop arrives with a vertex of the memorial in the eye's own plane (the plane through the eye
// square to the view). The plaza paving's front edge lay on z = 18, where the first stop stands the
// visitor looking along -z: SwiftShader then drew the paving over the lower half of the view, console
// and subtitle included, until the view was turned.
import { readFileSync } from 'node:fs'
import { Vector3 } from 'three'
import { describe, expect, it } from 'vitest'
import { buildMemorialGeometry } from '../../../../src/kinds/tour/logic/memorial-geometry'
import type { TourContent } from '../../../../src/schema/kinds/tour'

const EYE_HEIGHT = 1.6

/** Vertices of the merged solid within 1 mm of the plane through `eye` square to the view at `yawDeg`. */
function verticesInEyePlane(tour: TourContent, eye: Vector3, yawDeg: number): string[] {
  const { solid } = buildMemorialGeometry(tour.hall, tour.exhibits, tour.theme)
  if (!solid) return []
  const yaw = (yawDeg * Math.PI) / 180
  const view = new Vector3(-Math.sin(yaw), 0, -Math.cos(yaw))
  const pos = solid.getAttribute('position')
  const v = new Vector3()
  const found = new Set<string>()
  for (let i = 0; i < pos.count; i++) {
    v.fromBufferAttribute(pos, i)
    if (Math.abs(v.sub(eye).dot(view)) < 1e-3)
      found.add(
        v
          .add(eye)
          .toArray()
          .map((x) => x.toFixed(2))
          .join(','),
      )
  }
  return [...found]
}

describe('memorial geometry', () => {
  for (const id of ['red-tourism', 'ruijin']) {
    it(`${id}: no stop's arrival view has a corner of the architecture in the eye's own plane`, () => {
      const scene = JSON.parse(readFileSync(`scenes/${id}/scene.json`, 'utf8')) as {
        tour: TourContent
      }
      for (const stop of scene.tour.stops) {
        // The schema's default for a stop without a yaw: looking along -z.
        const yaw = stop.visitorYaw ?? 0
        const [x, y, z] = stop.visitorPosition
        expect(
          verticesInEyePlane(scene.tour, new Vector3(x, y + EYE_HEIGHT, z), yaw),
          `stop ${stop.id}`,
        ).toEqual([])
      }
    })
  }
})
