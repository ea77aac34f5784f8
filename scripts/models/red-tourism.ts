// Models for the red-tourism memorial scene: the monument, the docent guide and an exhibit case.
// Front faces +Z (glTF forward); origins sit on the ground at the model's footprint centre.
import { BoxGeometry, CapsuleGeometry, ConeGeometry, CylinderGeometry, SphereGeometry } from 'three'
import { type MaterialSpec, ModelBuilder, type ModelRecipe } from './model-builder'
import { extrude, starShape } from './model-shapes'
import { sceneSun } from './scene-sun'

/** Shadows are baked under the plaza's own golden-hour sun (see scene-sun.ts). */
const SUN = sceneSun('red-tourism')

const granite: MaterialSpec = { name: 'granite', color: '#8d8a86', roughness: 0.85 }
const stone: MaterialSpec = { name: 'stone-light', color: '#d8d2c4', roughness: 0.7 }
const red: MaterialSpec = { name: 'memorial-red', color: '#b3201e', roughness: 0.5 }
const gold: MaterialSpec = {
  name: 'gold',
  color: '#e3b341',
  metalness: 0.6,
  roughness: 0.3,
  emissive: '#3a2a00',
}

/** A stepped plinth carrying a tapered obelisk, a pyramidion, a red star and gold bands. ~13 m tall. */
export function memorialMonument(): ModelBuilder {
  const model = new ModelBuilder('memorial-monument', { vertexColors: true, sun: SUN })
  const plinth = model.part('Plinth')
  const steps: Array<[number, number]> = [
    [7, 0.4],
    [5.8, 0.4],
    [4.6, 0.4],
  ]
  let y = 0
  for (const [size, height] of steps) {
    plinth.add(new BoxGeometry(size, height, size), granite, { position: [0, y + height / 2, 0] })
    y += height
  }
  // Pedestal block with a red inscription panel on the front.
  plinth.add(new BoxGeometry(3.2, 2.2, 3.2), stone, { position: [0, y + 1.1, 0] })
  plinth.add(new BoxGeometry(2.2, 1.2, 0.06), red, { position: [0, y + 1.1, 1.62] })
  plinth.add(new BoxGeometry(3.4, 0.16, 3.4), gold, { position: [0, y + 2.28, 0] })
  y += 2.36

  const shaftHeight = 9
  // Plinth and shaft share one node: nothing moves them apart, and it saves two draw calls.
  const shaft = plinth
  // Four radial segments rotated 45 degrees make a square, tapering shaft.
  shaft.add(new CylinderGeometry(0.85, 1.25, shaftHeight, 4, 1), stone, {
    position: [0, y + shaftHeight / 2, 0],
    rotation: [0, Math.PI / 4, 0],
  })
  shaft.add(new ConeGeometry(0.85, 1.2, 4), gold, {
    position: [0, y + shaftHeight + 0.6, 0],
    rotation: [0, Math.PI / 4, 0],
  })

  // The star is its own node so the tour can make it glow or turn it. A four-sided shaft's face
  // lies at radius x cos 45 degrees; the star's back sits on it.
  const starHeight = shaftHeight - 1.6
  const faceRadius = (1.25 - (0.4 * starHeight) / shaftHeight) * Math.SQRT1_2
  const star = model.part('Star', { position: [0, y + starHeight, faceRadius + 0.09] })
  star.add(extrude(starShape(0.6, 0.24), 0.12), red)
  star.add(extrude(starShape(0.7, 0.28), 0.06), gold, { position: [0, 0, -0.06] })
  return model
}

const uniform: MaterialSpec = { name: 'uniform', color: '#2f4a3a', roughness: 0.8 }
const shirt: MaterialSpec = { name: 'shirt', color: '#f2efe6', roughness: 0.8 }
const skin: MaterialSpec = { name: 'skin', color: '#e0b48f', roughness: 0.7 }
const hair: MaterialSpec = { name: 'hair', color: '#1e1a18', roughness: 0.9 }
const mouthDark: MaterialSpec = { name: 'mouth', color: '#5a1a1a', roughness: 0.9 }
const scarf: MaterialSpec = { name: 'scarf-red', color: '#c8201c', roughness: 0.7 }
const shoe: MaterialSpec = { name: 'shoe', color: '#1b1b1b', roughness: 0.6 }

/**
 * A stylised docent, about 1.7 m tall, facing +Z. Nodes: Body (torso, hips), LegL/LegR (pivots at
 * the hips), Head (pivot at the neck) with Mouth (scale Y to talk), ArmL/ArmR (pivots at the shoulders).
 */
export function guideHumanoid(): ModelBuilder {
  // The arms swing and point: lit on their own, they leave no shadow on the torso when raised.
  const model = new ModelBuilder('guide-humanoid', {
    vertexColors: true,
    sun: SUN,
    bakeLight: { movingParts: ['ArmL', 'ArmR'] },
  })
  const body = model.part('Body')
  body.add(new CapsuleGeometry(0.17, 0.36, 4, 10), uniform, { position: [0, 1.2, 0], scale: [1, 1, 0.7] })
  body.add(new CylinderGeometry(0.16, 0.17, 0.16, 10), uniform, {
    position: [0, 0.92, 0],
    scale: [1, 1, 0.7],
  })
  body.add(new CylinderGeometry(0.06, 0.06, 0.08, 8), skin, { position: [0, 1.47, 0] })
  body.add(new ConeGeometry(0.09, 0.16, 3), shirt, { position: [0, 1.38, 0.1], rotation: [Math.PI, 0, 0] })
  body.add(new ConeGeometry(0.05, 0.22, 4), scarf, { position: [0, 1.3, 0.125], rotation: [Math.PI, 0, 0] })

  for (const [name, x] of [
    ['LegL', 0.085],
    ['LegR', -0.085],
  ] as const) {
    const leg = model.part(name, { position: [x, 0.9, 0] })
    leg.add(new CylinderGeometry(0.07, 0.055, 0.84, 8), uniform, { position: [0, -0.42, 0] })
    leg.add(new BoxGeometry(0.1, 0.07, 0.22), shoe, { position: [0, -0.865, 0.04] })
  }

  const head = model.part('Head', { position: [0, 1.5, 0] })
  head.add(new SphereGeometry(0.11, 14, 10), skin, { position: [0, 0.11, 0], scale: [0.95, 1.1, 1] })
  head.add(new SphereGeometry(0.115, 14, 8, 0, Math.PI * 2, 0, Math.PI * 0.55), hair, {
    position: [0, 0.125, -0.01],
  })
  for (const x of [-0.038, 0.038]) {
    head.add(new SphereGeometry(0.013, 6, 4), hair, { position: [x, 0.13, 0.1] })
  }
  // The mouth sits slightly proud of the face; talking scales it on Y around its own centre.
  head
    .part('Mouth', { position: [0, 0.06, 0.103] })
    .add(new SphereGeometry(0.022, 8, 4), mouthDark, { scale: [1.3, 0.45, 0.4] })

  for (const [name, side] of [
    ['ArmL', 1],
    ['ArmR', -1],
  ] as const) {
    const arm = model.part(name, { position: [side * 0.22, 1.4, 0] })
    arm.add(new CapsuleGeometry(0.05, 0.5, 3, 8), uniform, { position: [0, -0.3, 0] })
    arm.add(new SphereGeometry(0.045, 8, 6), skin, { position: [0, -0.62, 0] })
  }
  return model
}

const wood: MaterialSpec = { name: 'wood-dark', color: '#5a3b25', roughness: 0.6 }
const glass: MaterialSpec = {
  name: 'glass',
  color: '#cfe8f0',
  opacity: 0.22,
  roughness: 0.05,
  doubleSided: true,
}
const brass: MaterialSpec = { name: 'brass', color: '#b08d57', metalness: 0.8, roughness: 0.35 }
const felt: MaterialSpec = { name: 'felt-red', color: '#7a1515', roughness: 1 }

/** A glass display case on a wooden plinth; exhibits go on the felt at y = 0.94. */
export function exhibitCase(): ModelBuilder {
  const model = new ModelBuilder('exhibit-case', { vertexColors: true, sun: SUN })
  const plinth = model.part('Plinth')
  plinth.add(new BoxGeometry(1.1, 0.9, 0.7), wood, { position: [0, 0.45, 0] })
  plinth.add(new BoxGeometry(1.16, 0.04, 0.76), brass, { position: [0, 0.9, 0] })
  plinth.add(new BoxGeometry(1.04, 0.02, 0.64), felt, { position: [0, 0.93, 0] })

  // The brass frame joins the plinth's node so its brass shares the plinth's metal draw call.
  const frame = plinth
  const w = 1.08
  const d = 0.68
  const h = 0.6
  const base = 0.92
  for (const x of [-w / 2, w / 2]) {
    for (const z of [-d / 2, d / 2]) {
      frame.add(new BoxGeometry(0.02, h, 0.02), brass, { position: [x, base + h / 2, z] })
    }
  }
  frame.add(new BoxGeometry(w + 0.02, 0.02, 0.02), brass, { position: [0, base + h, d / 2] })
  frame.add(new BoxGeometry(w + 0.02, 0.02, 0.02), brass, { position: [0, base + h, -d / 2] })
  frame.add(new BoxGeometry(0.02, 0.02, d), brass, { position: [w / 2, base + h, 0] })
  frame.add(new BoxGeometry(0.02, 0.02, d), brass, { position: [-w / 2, base + h, 0] })

  model.part('Glass').add(new BoxGeometry(w, h, d), glass, { position: [0, base + h / 2, 0] })
  return model
}

export const redTourismModels: ModelRecipe[] = [
  { file: 'memorial-monument.glb', build: memorialMonument },
  { file: 'guide-humanoid.glb', build: guideHumanoid },
  { file: 'exhibit-case.glb', build: exhibitCase },
]
