// The big screen's orbit camera keeps to the visitor's side of walls: short of the first solid on the line
// from the head, over the floor area the visitor stands on, pulling in at once and backing out slowly.
import { BoxGeometry, Group, Mesh, MeshBasicMaterial, SkinnedMesh, Vector3 } from 'three'
import { describe, expect, it } from 'vitest'
import { solidHitDistance } from '../../../../src/platform/locomotion/solid-objects'
import {
  easeReach,
  MIN_REACH_M,
  orbitReach,
  WALL_CLEARANCE_M,
} from '../../../../src/platform/spectate/orbit-reach'
import type { FloorArea } from '../../../../src/schema/common'

/** The government hall's floor: its walls stand half a metre beyond it. */
const hall: FloorArea[] = [{ id: 'hall', min: [-11.5, -10.2], max: [11.5, 10.5], y: 0 }]
const full = Math.hypot(2.6, 0.9)

describe('orbitReach', () => {
  it('keeps the full orbit in the open middle of the room', () => {
    expect(orbitReach([0, 1.6, 0], [0, 2.5, 2.6], hall, null)).toBeCloseTo(full, 6)
  })

  it('stops short of a solid hit by the clearance', () => {
    expect(orbitReach([0, 1.6, 0], [0, 2.5, 2.6], hall, 1.5)).toBeCloseTo(1.5 - WALL_CLEARANCE_M, 6)
  })

  it('keeps the camera over the visitor floor area, inside the wall by the clearance', () => {
    const head = [0, 1.6, 9] as const
    const desired = [0, 2.5, 11.6] as const
    const reach = orbitReach(head, desired, hall, null)
    const z = head[2] + ((desired[2] - head[2]) * reach) / full
    expect(z).toBeCloseTo(10.5 - WALL_CLEARANCE_M, 6)
    // Along x too, towards the side wall.
    const side = orbitReach([10, 1.6, 0], [12.6, 2.5, 0], hall, null)
    expect(10 + (2.6 * side) / full).toBeCloseTo(11.5 - WALL_CLEARANCE_M, 6)
  })

  it('takes the tighter of the wall hit and the floor edge, and never comes closer than the minimum', () => {
    expect(orbitReach([0, 1.6, 9], [0, 2.5, 11.6], hall, 0.5)).toBeCloseTo(MIN_REACH_M, 6)
    expect(orbitReach([0, 1.6, 10.45], [0, 2.5, 13.05], hall, null)).toBe(MIN_REACH_M)
  })

  it('has no floor limit off every floor area (the camera then answers to walls alone)', () => {
    expect(orbitReach([30, 1.6, 0], [32.6, 2.5, 0], hall, null)).toBeCloseTo(full, 6)
  })
})

describe('easeReach', () => {
  it('pulls in at once and backs out at about a metre a second', () => {
    expect(easeReach(2.7, 1, 0.016)).toBe(1)
    expect(easeReach(1, 2.7, 0.5)).toBeCloseTo(1.5, 6)
    expect(easeReach(2.6, 2.7, 0.5)).toBe(2.7)
  })
})

describe('solidHitDistance (structure only)', () => {
  const box = (w: number, h: number, d: number, at: [number, number, number]) => {
    const m = new Mesh(new BoxGeometry(w, h, d), new MeshBasicMaterial())
    m.position.set(...at)
    return m
  }

  it('finds a wall between the head and the camera and ignores panels, people and glass', () => {
    const scene = new Group()
    const wall = box(4, 4, 0.2, [0, 2, 1.5])
    const panel = new Group()
    panel.userData.layout = { kind: 'panel', width: 1, height: 1 }
    panel.add(box(1, 1, 0.02, [0, 2, 0.7]))
    const glass = box(1, 1, 0.02, [0, 2, 1])
    glass.material = new MeshBasicMaterial({ transparent: true, opacity: 0.3 })
    const person = new SkinnedMesh(new BoxGeometry(1, 2, 0.3), new MeshBasicMaterial())
    person.position.set(0, 2, 1.2)
    scene.add(panel, glass, person, wall)
    scene.updateMatrixWorld(true)
    const head = new Vector3(0, 2, 0)
    const camera = new Vector3(0, 2, 2.6)
    expect(solidHitDistance(scene, head, camera, 0.2, { structureOnly: true })).toBeCloseTo(1.4, 6)
    // The floor pointer's rule still counts the panel (the stand-in person has no skin to raycast).
    scene.remove(person)
    expect(solidHitDistance(scene, head, camera, 0.2)).toBeCloseTo(0.69, 6)
    wall.visible = false
    expect(solidHitDistance(scene, head, camera, 0.2, { structureOnly: true })).toBeNull()
  })
})
