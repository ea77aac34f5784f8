// Models for the government service hall: a service window, a queue-ticket kiosk, a row of seats and
// the clerk who stands at every window (the digital human of humanoid.ts in a clerk's uniform).
// Front faces +Z (towards the visitor); origins sit on the floor at the footprint centre.
import { BoxGeometry, CylinderGeometry } from 'three'
import { clerkHumanoid } from './humanoid'
import { type MaterialSpec, ModelBuilder, type ModelRecipe } from './model-builder'
import { prism } from './model-shapes'
import { sceneSun } from './scene-sun'

/** Shadows are baked under the hall's own sun (see scene-sun.ts). */
const SUN = sceneSun('gov-hall')

const counterWhite: MaterialSpec = { name: 'counter-white', color: '#eef0f2', roughness: 0.5 }
const counterTop: MaterialSpec = {
  name: 'counter-top',
  color: '#8a6a4a',
  roughness: 0.45,
  texture: { name: 'wood', tile: 1.2 },
}
const accentBlue: MaterialSpec = { name: 'accent-blue', color: '#1f5fa8', roughness: 0.5 }
const steel: MaterialSpec = { name: 'steel', color: '#9aa3ab', metalness: 0.8, roughness: 0.35 }
const glass: MaterialSpec = {
  name: 'glass',
  color: '#d6ecf5',
  opacity: 0.25,
  roughness: 0.05,
  doubleSided: true,
}
const screenDark: MaterialSpec = {
  name: 'screen-dark',
  color: '#10161d',
  roughness: 0.3,
  emissive: '#02060a',
}

/**
 * A service counter (1.8 m wide) with a glass partition and a number sign above it: a dark face 0.9 x 0.3 m,
 * centred at y = 2.35, z = -0.024, for the window number / called ticket. Nodes Counter and Glass (the
 * clerk-stand test keeps the clerk clear of both); the sign's parts fold into the root at build time.
 */
export function hallServiceWindow(): ModelBuilder {
  const model = new ModelBuilder('hall-service-window', {
    vertexColors: true,
    sun: SUN,
    keepParts: ['Counter', 'Glass'],
  })
  const counter = model.part('Counter')
  counter.add(new BoxGeometry(1.8, 1.05, 0.7), counterWhite, { position: [0, 0.525, 0] })
  counter.add(new BoxGeometry(1.8, 0.08, 0.7), accentBlue, { position: [0, 0.2, 0.006] })
  counter.add(new BoxGeometry(1.9, 0.05, 0.8), counterTop, { position: [0, 1.075, 0.03] })
  // Low visitor-side shelf for documents.
  counter.add(new BoxGeometry(1.7, 0.04, 0.25), counterTop, { position: [0, 0.8, 0.47] })
  counter.add(new BoxGeometry(0.06, 1.0, 0.06), steel, { position: [-0.93, 1.6, -0.05] })
  counter.add(new BoxGeometry(0.06, 1.0, 0.06), steel, { position: [0.93, 1.6, -0.05] })
  counter.add(new BoxGeometry(1.92, 0.06, 0.06), steel, { position: [0, 2.1, -0.05] })

  // The partition stops above the counter, leaving a slot to pass documents.
  model.part('Glass').add(new BoxGeometry(1.8, 0.86, 0.012), glass, { position: [0, 1.67, -0.05] })

  const sign = model.part('SignFrame', { position: [0, 2.35, -0.05] })
  sign.add(new BoxGeometry(1.0, 0.4, 0.05), accentBlue)
  sign.part('SignScreen', { position: [0, 0, 0.026] }).add(new BoxGeometry(0.9, 0.3, 0.004), screenDark)
  return model
}

const kioskBody: MaterialSpec = { name: 'kiosk-body', color: '#f4f6f8', roughness: 0.45 }

/** A queue-ticket kiosk (1.55 m) with a tilted touch screen and a ticket slot, folded into one node. */
export function hallTicketMachine(): ModelBuilder {
  const model = new ModelBuilder('hall-ticket-machine', { vertexColors: true, sun: SUN, keepParts: [] })
  const body = model.part('Body')
  body.add(new BoxGeometry(0.6, 0.08, 0.5), steel, { position: [0, 0.04, 0] })
  // Side profile: a pedestal that leans back into a sloped head for the screen.
  body.add(
    prism(
      [
        [-0.2, 0.08],
        [0.22, 0.08],
        [0.22, 1.1],
        [0.14, 1.55],
        [-0.2, 1.55],
      ],
      0.5,
    ),
    kioskBody,
    { rotation: [0, -Math.PI / 2, 0] },
  )
  body.add(new BoxGeometry(0.5, 0.06, 0.02), accentBlue, { position: [0, 1.5, -0.14] })

  // The screen faces the visitor, tilted back (about 10 degrees) along the sloped head.
  const slope = Math.atan2(0.08, 0.45)
  model
    .part('Screen', { position: [0, 1.33, 0.185], rotation: [-slope, 0, 0] })
    .add(new BoxGeometry(0.4, 0.3, 0.01), screenDark)
  model.part('Slot', { position: [0, 0.95, 0.225] }).add(new BoxGeometry(0.16, 0.025, 0.012), screenDark)
  return model
}

const seatFabric: MaterialSpec = {
  name: 'seat-fabric',
  color: '#2d6cb5',
  roughness: 0.9,
  texture: { name: 'fabric', tile: 0.4 },
}

/** A beam-mounted row of four waiting chairs, 2.3 m long, seats facing +Z. */
export function hallSeatRow(): ModelBuilder {
  const model = new ModelBuilder('hall-seat-row', { vertexColors: true, sun: SUN })
  const pitch = 0.58
  model.add(new BoxGeometry(pitch * 4, 0.05, 0.06), steel, { position: [0, 0.38, -0.05] })
  for (const x of [-pitch * 1.6, pitch * 1.6]) {
    model.add(new CylinderGeometry(0.025, 0.025, 0.38, 6), steel, { position: [x, 0.19, -0.05] })
    model.add(new BoxGeometry(0.06, 0.03, 0.5), steel, { position: [x, 0.015, -0.05] })
  }
  for (let i = 0; i < 4; i++) {
    const x = (i - 1.5) * pitch
    model.add(new BoxGeometry(0.5, 0.06, 0.46), seatFabric, { position: [x, 0.45, 0.02] })
    model.add(new BoxGeometry(0.5, 0.46, 0.05), seatFabric, {
      position: [x, 0.72, -0.2],
      rotation: [-0.15, 0, 0],
    })
  }
  return model
}

export const govHallModels: ModelRecipe[] = [
  { file: 'hall-service-window.glb', build: hallServiceWindow },
  { file: 'hall-ticket-machine.glb', build: hallTicketMachine },
  { file: 'hall-seat-row.glb', build: hallSeatRow },
  { file: 'clerk-humanoid.glb', build: clerkHumanoid },
]
