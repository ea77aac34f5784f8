// Opaque draws grouped by shader program. three sorts a frame's opaque draws by material object, then by
// depth, so materials that share a program are scattered among others: the park's opaque draws went
// through eight programs in sixteen runs. At every program switch three sends the camera, the lights and
// the whole material again (a material switch within one program sends only what differs), so opaque
// draws are ordered by program first and by material within it. Transparent draws keep three's
// back-to-front order, which their blending needs.
import type { Material, WebGLRenderer } from 'three'

/** The fields of three's render items (WebGLRenderLists) the opaque order reads. */
export interface OpaqueItem {
  id: number
  groupOrder: number
  renderOrder: number
  material: Material
  materialVariant?: number
  z: number
}

/**
 * The program a material was last drawn with (its id, 0 before its first draw). A material drawn by
 * plain and instanced meshes has one program for each; the last one stands for both, which only costs
 * an extra switch, never a wrong picture.
 */
export type ProgramOf = (material: Material) => number

export function programOf(gl: WebGLRenderer): ProgramOf {
  return (material) =>
    (gl.properties.get(material) as { currentProgram?: { id: number } }).currentProgram?.id ?? 0
}

/** three's own opaque order (painterSortStable) with the program inserted before the material. */
export function opaqueOrder(program: ProgramOf): (a: OpaqueItem, b: OpaqueItem) => number {
  return (a, b) =>
    a.groupOrder - b.groupOrder ||
    a.renderOrder - b.renderOrder ||
    program(a.material) - program(b.material) ||
    a.material.id - b.material.id ||
    (a.materialVariant ?? 0) - (b.materialVariant ?? 0) ||
    a.z - b.z ||
    a.id - b.id
}

/** Installs the program-first opaque order on the renderer (once per canvas). */
export function sortOpaqueByProgram(gl: WebGLRenderer): void {
  gl.setOpaqueSort(opaqueOrder(programOf(gl)))
}
