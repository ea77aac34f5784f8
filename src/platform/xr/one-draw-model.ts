// A controller model in one draw call instead of one per part. The WebXR input-profile models are a body
// and five to six moving parts (trigger, grip, stick, buttons), each its own mesh: twelve draws per eye
// for a pair, every XR frame, a sixth of a scene's draws. The parts are merged into one skinned mesh whose
// bones are the original part nodes, so the library's button animation (it moves those nodes) still shows.
import {
  type BufferGeometry,
  Float32BufferAttribute,
  Matrix4,
  type Mesh,
  type Object3D,
  Skeleton,
  SkinnedMesh,
  Uint16BufferAttribute,
} from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'

/** The merged mesh's name, under the model's root. */
export const ONE_DRAW_MESH = 'one-draw-model'

/**
 * Draws every mesh under `root` as one skinned mesh, added to `root`, and stops drawing the originals; the part
 * nodes keep moving it. Meshes under a node in `keepApart` (a part the profile shows or hides) stay as
 * they are. Returns null, changing nothing, when the parts cannot share a draw (different materials or
 * vertex layouts) or there is only one. Calling it again on the same root returns the mesh it made.
 */
export function drawAsOneMesh(
  root: Object3D,
  keepApart: ReadonlySet<string> = new Set(),
): SkinnedMesh | null {
  const done = root.children.find((c) => c.name === ONE_DRAW_MESH)
  if (done) return done as SkinnedMesh
  root.updateMatrixWorld(true)
  const parts: Mesh[] = []
  const collect = (o: Object3D) => {
    if (keepApart.has(o.name)) return
    const mesh = o as Mesh
    if (mesh.isMesh && !(o as SkinnedMesh).isSkinnedMesh) parts.push(mesh)
    for (const child of o.children) collect(child)
  }
  collect(root)
  return mergeParts(root, parts)
}

function mergeParts(root: Object3D, parts: Mesh[]): SkinnedMesh | null {
  if (parts.length < 2) return null
  const material = parts[0].material
  if (Array.isArray(material) || parts.some((p) => p.material !== material)) return null
  const toRoot = new Matrix4().copy(root.matrixWorld).invert()
  const geometries: BufferGeometry[] = parts.map((part, bone) => {
    const g = part.geometry.clone()
    g.applyMatrix4(new Matrix4().multiplyMatrices(toRoot, part.matrixWorld))
    // Each vertex follows its own part's node, fully.
    const count = g.getAttribute('position').count
    const skinIndex = new Uint16Array(count * 4)
    const skinWeight = new Float32Array(count * 4)
    for (let i = 0; i < count; i++) {
      skinIndex[i * 4] = bone
      skinWeight[i * 4] = 1
    }
    g.setAttribute('skinIndex', new Uint16BufferAttribute(skinIndex, 4))
    g.setAttribute('skinWeight', new Float32BufferAttribute(skinWeight, 4))
    return g
  })
  const geometry = mergeGeometries(geometries)
  for (const g of geometries) g.dispose()
  if (!geometry) return null
  const mesh = new SkinnedMesh(geometry, material)
  mesh.name = ONE_DRAW_MESH
  root.add(mesh)
  mesh.updateMatrixWorld(true)
  // The part nodes are the bones: they are what the profile's visual responses move. Bone inverses are
  // each node's pose now, so the merged vertices start where the parts were.
  const bones = parts as unknown as ConstructorParameters<typeof Skeleton>[0]
  mesh.bind(new Skeleton(bones))
  // Not drawn, but still moved and still carrying whatever hangs under them (hiding would hide that too).
  for (const part of parts) part.layers.disableAll()
  return mesh
}
