// Reusable low-poly shapes for the scene model scripts: stars, gears, prisms from 2D profiles.
import { type BufferGeometry, ExtrudeGeometry, Path, Shape } from 'three'

/** A flat star with `points` tips, centred on the origin in the XY plane. */
export function starShape(outerRadius: number, innerRadius: number, points = 5): Shape {
  const shape = new Shape()
  for (let i = 0; i < points * 2; i++) {
    const r = i % 2 === 0 ? outerRadius : innerRadius
    // Start at the top so the star stands upright.
    const a = Math.PI / 2 + (i * Math.PI) / points
    const x = Math.cos(a) * r
    const y = Math.sin(a) * r
    if (i === 0) shape.moveTo(x, y)
    else shape.lineTo(x, y)
  }
  shape.closePath()
  return shape
}

/**
 * A spur gear outline: `teeth` trapezoid teeth on a pitch circle of radius module*teeth/2,
 * with a round bore. Two gears of the same module mesh at centre distance module*(t1+t2)/2.
 */
export function gearShape(teeth: number, module: number, boreRadius: number): Shape {
  const pitch = (module * teeth) / 2
  const outer = pitch + module
  const root = pitch - 1.25 * module
  const shape = new Shape()
  const step = (Math.PI * 2) / teeth
  for (let i = 0; i < teeth; i++) {
    const a = i * step
    const corners: Array<[number, number]> = [
      [root, a - step * 0.25],
      [outer, a - step * 0.12],
      [outer, a + step * 0.12],
      [root, a + step * 0.25],
    ]
    corners.forEach(([r, ang], j) => {
      const x = Math.cos(ang) * r
      const y = Math.sin(ang) * r
      if (i === 0 && j === 0) shape.moveTo(x, y)
      else shape.lineTo(x, y)
    })
  }
  shape.closePath()
  const bore = new Path()
  bore.absarc(0, 0, boreRadius, 0, Math.PI * 2, true)
  shape.holes.push(bore)
  return shape
}

/** Extrudes a shape along +Z by `depth` with no bevel (keeps triangle counts low), centred on Z. */
export function extrude(shape: Shape, depth: number, curveSegments = 6): BufferGeometry {
  const geometry = new ExtrudeGeometry(shape, { depth, bevelEnabled: false, curveSegments })
  geometry.translate(0, 0, -depth / 2)
  return geometry
}

/** A prism from a 2D profile given as [x, y] points (XY plane), extruded along Z and centred on Z. */
export function prism(profile: Array<[number, number]>, depth: number): BufferGeometry {
  const shape = new Shape()
  profile.forEach(([x, y], i) => {
    if (i === 0) shape.moveTo(x, y)
    else shape.lineTo(x, y)
  })
  shape.closePath()
  return extrude(shape, depth)
}
