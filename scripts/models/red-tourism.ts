// Models for the red-tourism memorial scene: the monument and an exhibit case; the docent guide is the
// skinned humanoid of humanoid.ts in its guide outfit.
// Front faces +Z (glTF forward); origins sit on the ground at the model's footprint centre.
import { BoxGeometry, ConeGeometry, CylinderGeometry } from 'three'
import { guideHumanoid } from './humanoid'
import { type MaterialSpec, ModelBuilder, type ModelRecipe } from './model-builder'
import { extrude, starShape } from './model-shapes'
import { sceneSun } from './scene-sun'

/** Shadows are baked under the plaza's own golden-hour sun (see scene-sun.ts). */
const SUN = sceneSun('red-tourism')

const granite: MaterialSpec = {
  name: 'granite',
  color: '#8d8a86',
  roughness: 0.85,
  texture: { name: 'stone', tile: 2 },
}
const stone: MaterialSpec = {
  name: 'stone-light',
  color: '#d8d2c4',
  roughness: 0.7,
  texture: { name: 'marble', tile: 3 },
}
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
  const model = new ModelBuilder('memorial-monument', { vertexColors: true, sun: SUN, keepParts: [] })
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

const wood: MaterialSpec = {
  name: 'wood-dark',
  color: '#5a3b25',
  roughness: 0.6,
  texture: { name: 'wood', tile: 1.5 },
}
const glass: MaterialSpec = {
  name: 'glass',
  color: '#cfe8f0',
  opacity: 0.22,
  roughness: 0.05,
  doubleSided: true,
}
const brass: MaterialSpec = { name: 'brass', color: '#b08d57', metalness: 0.8, roughness: 0.35 }
const felt: MaterialSpec = {
  name: 'felt-red',
  color: '#7a1515',
  roughness: 1,
  texture: { name: 'fabric', tile: 0.5 },
}

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
