// Models for the multi-user classroom: furniture, three lab objects a teacher can show (a water
// molecule, a solar system orrery and a meshing gear pair), and the teacher's and students' figures.
import { BoxGeometry, CylinderGeometry, SphereGeometry, TorusGeometry, Vector3 } from 'three'
import { studentHumanoid, teacherHumanoid } from './humanoid'
import { type MaterialSpec, ModelBuilder, type ModelPart, type ModelRecipe } from './model-builder'
import { extrude, gearShape } from './model-shapes'
import { sceneSun } from './scene-sun'

/** Shadows are baked under the classroom's own sun (see scene-sun.ts). */
const SUN = sceneSun('classroom')

const deskTop: MaterialSpec = {
  name: 'desk-top',
  color: '#c9a77c',
  roughness: 0.55,
  texture: { name: 'wood', tile: 1.2 },
}
const frameGrey: MaterialSpec = { name: 'frame-grey', color: '#4a5058', metalness: 0.6, roughness: 0.45 }
const chairBlue: MaterialSpec = { name: 'chair-blue', color: '#3567a8', roughness: 0.7 }

/**
 * A student desk (1.2 x 0.6 m, top at 0.75 m) with its chair on the +Z side. Authored as Desk and Chair,
 * folded into one node at build time: nothing addresses them, and a desk draws per surface class.
 */
export function classroomDesk(): ModelBuilder {
  const model = new ModelBuilder('classroom-desk', { vertexColors: true, sun: SUN, keepParts: [] })
  const desk = model.part('Desk')
  desk.add(new BoxGeometry(1.2, 0.04, 0.6), deskTop, { position: [0, 0.75, 0] })
  desk.add(new BoxGeometry(1.1, 0.12, 0.5), frameGrey, { position: [0, 0.66, -0.02] })
  for (const x of [-0.56, 0.56]) {
    for (const z of [-0.26, 0.26]) {
      desk.add(new BoxGeometry(0.04, 0.73, 0.04), frameGrey, { position: [x, 0.365, z] })
    }
  }
  const chair = model.part('Chair', { position: [0, 0, 0.55] })
  chair.add(new BoxGeometry(0.44, 0.04, 0.42), chairBlue, { position: [0, 0.45, 0] })
  chair.add(new BoxGeometry(0.44, 0.32, 0.03), chairBlue, { position: [0, 0.72, 0.2], rotation: [0.1, 0, 0] })
  for (const x of [-0.2, 0.2]) {
    for (const z of [-0.18, 0.18]) {
      chair.add(new CylinderGeometry(0.015, 0.015, 0.45, 6), frameGrey, { position: [x, 0.225, z] })
    }
  }
  return model
}

const epoxy: MaterialSpec = { name: 'epoxy-black', color: '#22252a', roughness: 0.3 }
const cabinet: MaterialSpec = { name: 'cabinet', color: '#e6e8ea', roughness: 0.6 }
const chrome: MaterialSpec = { name: 'chrome', color: '#c8ccd0', metalness: 0.6, roughness: 0.2 }

/**
 * A lab bench (2.4 x 0.8 m, top at 0.9 m) with cabinets, a sink, a tap and a reagent shelf.
 * Lab objects are placed on the top (0.9 m). Its parts fold into one node at build time (nothing addresses
 * them), so the bench draws a matte primitive and one for its frame and chrome together.
 */
export function classroomLabBench(): ModelBuilder {
  const model = new ModelBuilder('classroom-lab-bench', { vertexColors: true, sun: SUN, keepParts: [] })
  const base = model.part('Cabinets')
  base.add(new BoxGeometry(2.3, 0.84, 0.74), cabinet, { position: [0, 0.44, 0] })
  base.add(new BoxGeometry(2.3, 0.06, 0.7), frameGrey, { position: [0, 0.03, -0.02] })
  for (let i = 0; i < 4; i++) {
    base.add(new BoxGeometry(0.54, 0.7, 0.01), frameGrey, { position: [-0.86 + i * 0.575, 0.47, 0.372] })
    base.add(new BoxGeometry(0.12, 0.02, 0.03), chrome, { position: [-0.86 + i * 0.575, 0.78, 0.39] })
  }
  const top = model.part('Top', { position: [0, 0.88, 0] })
  top.add(new BoxGeometry(2.4, 0.04, 0.8), epoxy, { position: [0, 0.02, 0] })
  top.add(new BoxGeometry(0.4, 0.02, 0.3), frameGrey, { position: [0.85, 0.035, -0.15] })
  top.add(new CylinderGeometry(0.015, 0.015, 0.3, 6), chrome, { position: [0.85, 0.19, -0.33] })
  top.add(new CylinderGeometry(0.012, 0.012, 0.14, 6), chrome, {
    position: [0.85, 0.33, -0.27],
    rotation: [Math.PI / 2, 0, 0],
  })
  const shelf = model.part('Shelf', { position: [0, 0.92, -0.32] })
  shelf.add(new BoxGeometry(2.2, 0.02, 0.16), cabinet, { position: [0, 0.4, 0] })
  for (const x of [-1.08, 1.08]) {
    shelf.add(new BoxGeometry(0.03, 0.42, 0.16), cabinet, { position: [x, 0.21, 0] })
  }
  return model
}

const oxygen: MaterialSpec = { name: 'atom-oxygen', color: '#e03c31', roughness: 0.35 }
const hydrogen: MaterialSpec = { name: 'atom-hydrogen', color: '#f4f4f4', roughness: 0.35 }
const bond: MaterialSpec = { name: 'bond', color: '#9aa0a6', roughness: 0.5 }

/** A cylinder bond between two points. */
function addBond(part: ModelPart, from: Vector3, to: Vector3, radius: number) {
  const direction = to.clone().sub(from)
  const length = direction.length()
  const mid = from.clone().add(to).multiplyScalar(0.5)
  // Cylinders run along Y; tilt onto the bond direction (which lies in the XY plane here).
  const angle = Math.atan2(direction.y, direction.x) - Math.PI / 2
  part.add(new CylinderGeometry(radius, radius, length, 10), bond, {
    position: [mid.x, mid.y, mid.z],
    rotation: [0, 0, angle],
  })
}

/**
 * A water molecule, ball-and-stick, at 0.3 m per ångström: O–H 0.96 Å, H–O–H 104.5°.
 * Centred on the oxygen atom. Nodes: Atom-O, Atom-H1, Atom-H2, Bonds.
 */
export function labMolecule(): ModelBuilder {
  const model = new ModelBuilder('lab-molecule', { vertexColors: true, sun: SUN })
  const scale = 0.3
  const bondLength = 0.96 * scale
  const half = ((104.5 / 2) * Math.PI) / 180
  const h1 = new Vector3(Math.sin(half) * bondLength, -Math.cos(half) * bondLength, 0)
  const h2 = new Vector3(-h1.x, h1.y, 0)
  model.part('Atom-O').add(new SphereGeometry(0.09, 20, 14), oxygen)
  model.part('Atom-H1', { position: [h1.x, h1.y, h1.z] }).add(new SphereGeometry(0.055, 16, 12), hydrogen)
  model.part('Atom-H2', { position: [h2.x, h2.y, h2.z] }).add(new SphereGeometry(0.055, 16, 12), hydrogen)
  const bonds = model.part('Bonds')
  addBond(bonds, new Vector3(), h1, 0.016)
  addBond(bonds, new Vector3(), h2, 0.016)
  return model
}

interface PlanetSpec {
  name: string
  color: string
  radius: number
  distance: number
  ring?: boolean
}

// Radii and distances are compressed for a 1.4 m tabletop, but keep the real order and rough proportion.
const PLANETS: PlanetSpec[] = [
  { name: 'Mercury', color: '#9c948c', radius: 0.012, distance: 0.16 },
  { name: 'Venus', color: '#d9b77a', radius: 0.02, distance: 0.22 },
  { name: 'Earth', color: '#3a78c8', radius: 0.021, distance: 0.29 },
  { name: 'Mars', color: '#c2532f', radius: 0.015, distance: 0.36 },
  { name: 'Jupiter', color: '#c9a27a', radius: 0.055, distance: 0.47 },
  { name: 'Saturn', color: '#dcc58f', radius: 0.045, distance: 0.58, ring: true },
  { name: 'Uranus', color: '#8fd0d8', radius: 0.032, distance: 0.66 },
  { name: 'Neptune', color: '#3f5fc9', radius: 0.031, distance: 0.72 },
]

/**
 * An orrery: the Sun (node Sun) and eight planets. Each planet node `Planet-<name>` sits at its
 * distance on +X inside a pivot `Orbit-<name>` at the Sun's centre, so turning the pivot about Y
 * moves the planet along its orbit. Node Orbits holds the faint orbit rings.
 */
export function labSolarSystem(): ModelBuilder {
  const model = new ModelBuilder('lab-solar-system', {
    vertexColors: true,
    sun: SUN,
    // Planets circle the Sun: each orbit is lit on its own, so none leaves a shadow where it passed.
    bakeLight: { movingParts: PLANETS.map((p) => `Orbit-${p.name}`) },
  })
  model.part('Sun').add(new SphereGeometry(0.09, 24, 16), {
    name: 'sun',
    color: '#ffcc33',
    emissive: '#ff9900',
    roughness: 1,
  })
  const orbits = model.part('Orbits')
  const orbitLine: MaterialSpec = { name: 'orbit-line', color: '#8899aa', roughness: 1, opacity: 0.5 }
  for (const planet of PLANETS) {
    orbits.add(new TorusGeometry(planet.distance, 0.0015, 3, 64), orbitLine, {
      rotation: [Math.PI / 2, 0, 0],
    })
    const pivot = model.part(`Orbit-${planet.name}`)
    const body = pivot.part(`Planet-${planet.name}`, { position: [planet.distance, 0, 0] })
    body.add(new SphereGeometry(planet.radius, 16, 12), {
      name: `planet-${planet.name.toLowerCase()}`,
      color: planet.color,
      roughness: 0.8,
    })
    if (planet.ring) {
      body.add(
        new TorusGeometry(planet.radius * 1.7, planet.radius * 0.35, 2, 32),
        { name: 'saturn-ring', color: '#cbb890', roughness: 0.9 },
        { rotation: [Math.PI / 2 - 0.47, 0, 0], scale: [1, 1, 0.12] },
      )
    }
  }
  return model
}

const steelGear: MaterialSpec = { name: 'gear-steel', color: '#9ba4ad', metalness: 0.5, roughness: 0.4 }
const brassGear: MaterialSpec = { name: 'gear-brass', color: '#c59b45', metalness: 0.5, roughness: 0.4 }

/**
 * A meshing spur-gear pair on a base plate (module 0.01 m): GearA has 12 teeth, GearB 24 teeth,
 * so B turns at half A's speed in the opposite direction. Gear pivots sit on their shafts
 * (rotate about Z). Nodes: Base, GearA, GearB.
 */
export function labGear(): ModelBuilder {
  const model = new ModelBuilder('lab-gear', {
    vertexColors: true,
    sun: SUN,
    // The gears turn: neither may carry the other's shadow round with it.
    bakeLight: { movingParts: ['GearA', 'GearB'] },
  })
  const module = 0.01
  const teethA = 12
  const teethB = 24
  const centre = (module * (teethA + teethB)) / 2
  const height = 0.22
  const base = model.part('Base')
  base.add(new BoxGeometry(0.42, 0.02, 0.12), frameGrey, { position: [centre / 2, 0.01, 0] })
  base.add(new BoxGeometry(0.4, 0.24, 0.015), frameGrey, { position: [centre / 2, 0.12, -0.045] })
  for (const x of [0, centre]) {
    base.add(new CylinderGeometry(0.008, 0.008, 0.08, 8), chrome, {
      position: [x, height, -0.01],
      rotation: [Math.PI / 2, 0, 0],
    })
  }
  model
    .part('GearA', { position: [0, height, 0] })
    .add(extrude(gearShape(teethA, module, 0.01), 0.02), steelGear)
  // Offset B by half a tooth so its teeth fall between A's.
  model
    .part('GearB', { position: [centre, height, 0], rotation: [0, 0, Math.PI / teethB] })
    .add(extrude(gearShape(teethB, module, 0.01), 0.02), brassGear)
  return model
}

export const classroomModels: ModelRecipe[] = [
  { file: 'classroom-desk.glb', build: classroomDesk },
  { file: 'classroom-lab-bench.glb', build: classroomLabBench },
  { file: 'lab-molecule.glb', build: labMolecule },
  { file: 'lab-solar-system.glb', build: labSolarSystem },
  { file: 'lab-gear.glb', build: labGear },
  { file: 'teacher-humanoid.glb', build: teacherHumanoid },
  { file: 'student-humanoid.glb', build: studentHumanoid },
]
