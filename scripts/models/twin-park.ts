// Models for the digital-twin industrial park. Every building's main volume is ONE single-material
// mesh node named `Body` (the twin recolours it for alerts). Roofs, windows and equipment are authored as
// parts, which nothing addresses by name, and folded into the model's root at build time (`BUILDING`):
// a building costs Body plus a matte draw and one for its metal and glass together.
import { BoxGeometry, CylinderGeometry, IcosahedronGeometry } from 'three'
import { type MaterialSpec, ModelBuilder, type ModelPart, type ModelRecipe } from './model-builder'
import { prism } from './model-shapes'
import { sceneSun } from './scene-sun'

/** Shadows are baked under the park's own sun (see scene-sun.ts). */
const SUN = sceneSun('twin-park')

const wallLight: MaterialSpec = { name: 'wall-light', color: '#d9dde2', roughness: 0.7 }
const wallWarm: MaterialSpec = {
  name: 'wall-warm',
  color: '#cfc6b8',
  roughness: 0.8,
  texture: { name: 'stone', tile: 3 },
}
const wallBlue: MaterialSpec = { name: 'wall-blue', color: '#8fa3b8', roughness: 0.6 }
const glassDark: MaterialSpec = { name: 'glass-dark', color: '#2b4a66', metalness: 0.3, roughness: 0.15 }
const roofGrey: MaterialSpec = { name: 'roof-grey', color: '#5e656d', roughness: 0.8 }
const metal: MaterialSpec = { name: 'metal', color: '#a7adb3', metalness: 0.7, roughness: 0.4 }
const brick: MaterialSpec = {
  name: 'brick',
  color: '#9c4a35',
  roughness: 0.9,
  texture: { name: 'brick', tile: 1.1 },
}
const door: MaterialSpec = { name: 'door', color: '#4c5560', roughness: 0.6 }
const solar: MaterialSpec = { name: 'solar-cell', color: '#1b2c4f', metalness: 0.4, roughness: 0.25 }
const accentGreen: MaterialSpec = { name: 'accent-green', color: '#2fa86a', roughness: 0.5 }

/** A park building's options: only Body stays a node of its own. */
const BUILDING = { vertexColors: true, sun: SUN, keepParts: ['Body'] } as const

/** Horizontal window bands on the four faces of a w x d box, from y0 upwards every `floorHeight`. */
function windowBands(part: ModelPart, w: number, d: number, floors: number, floorHeight: number, y0: number) {
  for (let i = 0; i < floors; i++) {
    const y = y0 + i * floorHeight + floorHeight * 0.55
    const h = floorHeight * 0.5
    part.add(new BoxGeometry(w * 0.9, h, 0.1), glassDark, { position: [0, y, d / 2] })
    part.add(new BoxGeometry(w * 0.9, h, 0.1), glassDark, { position: [0, y, -d / 2] })
    part.add(new BoxGeometry(0.1, h, d * 0.9), glassDark, { position: [w / 2, y, 0] })
    part.add(new BoxGeometry(0.1, h, d * 0.9), glassDark, { position: [-w / 2, y, 0] })
  }
}

/** A six-storey office block, 14 x 21 x 10 m, with window bands and a rooftop plant room. */
export function parkOffice(): ModelBuilder {
  const model = new ModelBuilder('park-office', BUILDING)
  const w = 14
  const h = 21
  const d = 10
  model.part('Body').add(new BoxGeometry(w, h, d), wallLight, { position: [0, h / 2, 0] })
  windowBands(model.part('Windows'), w, d, 6, 3.3, 1)
  const roof = model.part('Roof', { position: [0, h, 0] })
  roof.add(new BoxGeometry(w + 0.4, 0.6, d + 0.4), roofGrey, { position: [0, 0.3, 0] })
  roof.add(new BoxGeometry(4, 2.4, 3), metal, { position: [2, 1.8, 0] })
  model.part('Entrance').add(new BoxGeometry(4, 3, 0.3), glassDark, { position: [0, 1.5, d / 2 + 0.1] })
  return model
}

/** A factory hall, 24 x 8 x 14 m, with a north-light saw-tooth roof and a brick chimney. */
export function parkFactory(): ModelBuilder {
  const model = new ModelBuilder('park-factory', BUILDING)
  const w = 24
  const h = 8
  const d = 14
  model.part('Body').add(new BoxGeometry(w, h, d), wallWarm, { position: [0, h / 2, 0] })
  const roof = model.part('Roof', { position: [0, h, 0] })
  // Four saw teeth across the width: vertical glazed face, sloping solid face.
  const teeth = 4
  const tw = w / teeth
  for (let i = 0; i < teeth; i++) {
    const x0 = -w / 2 + i * tw
    roof.add(
      prism(
        [
          [x0, 0],
          [x0 + tw, 0],
          [x0 + tw, 2.6],
        ],
        d,
      ),
      roofGrey,
    )
    roof.add(new BoxGeometry(0.08, 2.2, d * 0.96), glassDark, { position: [x0 + tw + 0.05, 1.2, 0] })
  }
  const chimney = model.part('Chimney', { position: [w / 2 - 3, 0, -d / 2 + 3] })
  chimney.add(new CylinderGeometry(0.8, 1.1, 20, 10), brick, { position: [0, 10, 0] })
  chimney.add(new CylinderGeometry(0.9, 0.9, 0.6, 10), metal, { position: [0, 19.7, 0] })
  const doors = model.part('Doors')
  doors.add(new BoxGeometry(5, 5, 0.2), door, { position: [-5, 2.5, d / 2 + 0.05] })
  doors.add(new BoxGeometry(5, 5, 0.2), door, { position: [5, 2.5, d / 2 + 0.05] })
  return model
}

/** A logistics warehouse, 22 x 7 x 14 m, with a shallow gable roof and loading-dock doors. */
export function parkWarehouse(): ModelBuilder {
  const model = new ModelBuilder('park-warehouse', BUILDING)
  const w = 22
  const h = 7
  const d = 14
  model.part('Body').add(new BoxGeometry(w, h, d), wallBlue, { position: [0, h / 2, 0] })
  // Gable runs along X: profile in the ZY plane, extruded along X.
  model.part('Roof', { position: [0, h, 0] }).add(
    prism(
      [
        [-d / 2 - 0.4, 0],
        [d / 2 + 0.4, 0],
        [0, 1.8],
      ],
      w + 0.6,
    ),
    roofGrey,
    { rotation: [0, Math.PI / 2, 0] },
  )
  const docks = model.part('Doors')
  for (const x of [-7, -2.5, 2, 6.5]) {
    docks.add(new BoxGeometry(3.2, 4, 0.2), door, { position: [x, 2.2, d / 2 + 0.05] })
    docks.add(new BoxGeometry(3.6, 0.3, 1.2), metal, { position: [x, 4.4, d / 2 + 0.6] })
  }
  docks.add(new BoxGeometry(w, 1.1, 2), roofGrey, { position: [0, 0.55, d / 2 + 1] })
  return model
}

/** A data centre, 16 x 6 x 12 m, with a row of rooftop cooling units. */
export function parkDatacenter(): ModelBuilder {
  const model = new ModelBuilder('park-datacenter', BUILDING)
  const w = 16
  const h = 6
  const d = 12
  model.part('Body').add(new BoxGeometry(w, h, d), wallLight, { position: [0, h / 2, 0] })
  const stripes = model.part('Stripes')
  stripes.add(new BoxGeometry(w + 0.02, 0.4, d + 0.02), accentGreen, { position: [0, h - 0.6, 0] })
  stripes.add(new BoxGeometry(2, 2.8, 0.2), door, { position: [-5, 1.4, d / 2 + 0.05] })
  const cooling = model.part('CoolingUnits', { position: [0, h, 0] })
  for (let i = 0; i < 5; i++) {
    for (const z of [-2.5, 2.5]) {
      const x = -6 + i * 3
      cooling.add(new BoxGeometry(2.4, 1.2, 3), metal, { position: [x, 0.6, z] })
      for (const dz of [-0.7, 0.7]) {
        cooling.add(new CylinderGeometry(0.6, 0.6, 0.08, 12), roofGrey, { position: [x, 1.24, z + dz] })
      }
    }
  }
  return model
}

/** An energy station, 12 x 4.5 x 9 m, with a tilted rooftop solar array and transformers. */
export function parkEnergyStation(): ModelBuilder {
  const model = new ModelBuilder('park-energy-station', BUILDING)
  const w = 12
  const h = 4.5
  const d = 9
  model.part('Body').add(new BoxGeometry(w, h, d), wallWarm, { position: [0, h / 2, 0] })
  const array = model.part('SolarArray', { position: [0, h, 0] })
  const tilt = (25 * Math.PI) / 180
  for (let row = 0; row < 3; row++) {
    for (let col = 0; col < 5; col++) {
      const x = -4.4 + col * 2.2
      const z = -2.8 + row * 2.8
      array.add(new BoxGeometry(2, 0.05, 1.9), solar, { position: [x, 0.7, z], rotation: [tilt, 0, 0] })
      array.add(new BoxGeometry(0.08, 0.6, 0.08), metal, { position: [x, 0.3, z - 0.4] })
    }
  }
  const transformers = model.part('Transformers')
  for (const x of [-3, 0, 3]) {
    transformers.add(new BoxGeometry(1.8, 2, 1.4), metal, { position: [x, 1, d / 2 + 2] })
  }
  transformers.add(new BoxGeometry(10, 0.2, 3), roofGrey, { position: [0, 0.1, d / 2 + 2] })
  return model
}

const chargerBody: MaterialSpec = { name: 'charger-body', color: '#f2f4f5', roughness: 0.4 }
const screen: MaterialSpec = { name: 'screen', color: '#0c1a24', roughness: 0.3, emissive: '#04121c' }
const cable: MaterialSpec = { name: 'cable', color: '#222222', roughness: 0.7 }

/** An EV charging post (1.6 m) facing +Z; Body is the post, Screen and Light are separate nodes. */
export function parkEvCharger(): ModelBuilder {
  const model = new ModelBuilder('park-ev-charger', { vertexColors: true, sun: SUN })
  model.part('Body').add(new BoxGeometry(0.45, 1.6, 0.3), chargerBody, { position: [0, 0.8, 0] })
  model.part('Base').add(new BoxGeometry(0.7, 0.15, 0.5), roofGrey, { position: [0, 0.075, 0] })
  model.part('Screen', { position: [0, 1.25, 0.151] }).add(new BoxGeometry(0.3, 0.2, 0.01), screen)
  model.part('Light', { position: [0, 1.52, 0.151] }).add(new BoxGeometry(0.35, 0.04, 0.01), accentGreen)
  const plug = model.part('Cable')
  plug.add(new CylinderGeometry(0.025, 0.025, 0.6, 6), cable, { position: [0.26, 0.75, 0.05] })
  plug.add(new BoxGeometry(0.08, 0.16, 0.08), cable, { position: [0.26, 1.05, 0.05] })
  return model
}

const bark: MaterialSpec = { name: 'bark', color: '#6b4a2f', roughness: 0.9 }
const leaves: MaterialSpec = { name: 'leaves', color: '#3f8a3a', roughness: 0.9 }

/** A low-poly tree (~5 m): one node, two materials; instance it for avenues. */
export function parkTree(): ModelBuilder {
  const model = new ModelBuilder('park-tree', { vertexColors: true, sun: SUN })
  model.add(new CylinderGeometry(0.14, 0.2, 2.2, 6), bark, { position: [0, 1.1, 0] })
  model.add(new IcosahedronGeometry(1.4, 0), leaves, { position: [0, 3.1, 0] })
  model.add(new IcosahedronGeometry(1.0, 0), leaves, { position: [0.3, 4.1, 0.2] })
  return model
}

export const twinParkModels: ModelRecipe[] = [
  { file: 'park-office.glb', build: parkOffice },
  { file: 'park-factory.glb', build: parkFactory },
  { file: 'park-warehouse.glb', build: parkWarehouse },
  { file: 'park-datacenter.glb', build: parkDatacenter },
  { file: 'park-energy-station.glb', build: parkEnergyStation },
  { file: 'park-ev-charger.glb', build: parkEvCharger },
  { file: 'park-tree.glb', build: parkTree },
]
