// Opaque draws grouped by shader program, so three re-sends the camera, lights and material once per
// program instead of at every alternation between two programs.
import { type Material, MeshBasicMaterial } from 'three'
import { describe, expect, it } from 'vitest'
import { type OpaqueItem, opaqueOrder, type ProgramOf } from '../../../src/platform/render/program-sort'

/** Materials in creation order (ascending ids), each with the program it was drawn with. */
function materials(...programs: number[]): { list: Material[]; program: ProgramOf } {
  const list: Material[] = programs.map(() => new MeshBasicMaterial())
  const byMaterial = new Map<Material, number>(list.map((m, i) => [m, programs[i]]))
  return { list, program: (m) => byMaterial.get(m) ?? 0 }
}

let nextId = 0
function item(material: Material, fields: Partial<OpaqueItem> = {}): OpaqueItem {
  return { id: nextId++, groupOrder: 0, renderOrder: 0, material, materialVariant: 0, z: 1, ...fields }
}

describe('opaque draws ordered by program', () => {
  it('puts the draws of one program together, materials in order within it', () => {
    // Material ids alternate between programs 7 and 8, as the park's Bodies and parts do.
    const { list, program } = materials(7, 8, 7, 8)
    const items = [item(list[3]), item(list[2]), item(list[1]), item(list[0])]
    const sorted = [...items].sort(opaqueOrder(program))
    expect(sorted.map((i) => program(i.material))).toEqual([7, 7, 8, 8])
    expect(sorted.map((i) => i.material)).toEqual([list[0], list[2], list[1], list[3]])
  })

  it('keeps groups and render orders before programs, and depth within one material', () => {
    const { list, program } = materials(9, 3)
    const items = [
      item(list[1], { renderOrder: 1 }),
      item(list[0], { z: 5 }),
      item(list[0], { z: 2 }),
      item(list[1], { groupOrder: 1 }),
    ]
    const sorted = [...items].sort(opaqueOrder(program))
    expect(sorted).toEqual([items[2], items[1], items[0], items[3]])
  })

  it('orders a material not yet drawn (program 0) first, and is a total order', () => {
    const { list, program } = materials(0, 5)
    const a = item(list[1])
    const b = item(list[0])
    const order = opaqueOrder(program)
    expect(order(a, b)).toBeGreaterThan(0)
    expect(order(b, a)).toBeLessThan(0)
    expect(order(a, a)).toBe(0)
  })
})
