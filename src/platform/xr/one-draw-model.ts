// A controller model in one draw call instead of one per part. The WebXR input-profile models are a body
// and five to six moving parts (trigger, grip, stick, buttons), each its own mesh: twelve draws per eye
// for a pair, every XR frame, a sixth of a scene's draws. The parts are merged into one skinned mesh whose
// bones are the original part nodes, so the library's button animation (it moves those nodes) still shows.
// The bones' matrices are kept relative to the model, so they change, and are uploaded, only when a part
// moves on the controller, not whenever the controller moves in the room (every frame in a visitor's hand).
// Read from the part nodes' own matrices, they need no world matrices: the nodes leave the scene graph, so
// three's two walks of it each frame (world matrices, culling) no longer visit them, about 40 a controller.
import {
  type BufferGeometry,
  DetachedBindMode,
  Float32BufferAttribute,
  Matrix4,
  type Mesh,
  Object3D,
  Skeleton,
  SkinnedMesh,
  Uint16BufferAttribute,
  type Vector3,
  type Vector4,
} from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'
import { storeBoneMatrix } from '../render'

/** The merged mesh's name, under the model's root. */
export const ONE_DRAW_MESH = 'one-draw-model'

/** A merged model's part nodes, moved out of the scene graph under a root of their own. */
const rigs = new WeakMap<Object3D, Object3D>()

/**
 * Where a model's part nodes are, to find them by name (the library's controller visuals): off the scene
 * graph once drawAsOneMesh merged the model, else the model's root itself.
 */
export function partsRoot(root: Object3D): Object3D {
  return rigs.get(root) ?? root
}

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
  const mesh = new PartsMesh(geometry, material)
  mesh.name = ONE_DRAW_MESH
  root.add(mesh)
  // The merged vertices are in the root's frame, which is the mesh's; the bones' matrices are too (below),
  // so the bind matrices are identities and stay so ('detached': three would otherwise recompute them from
  // the mesh's world matrix every frame).
  mesh.bindMode = DetachedBindMode
  mesh.bind(new PartSkeleton(parts, root), new Matrix4())
  // The renderer culls before it updates a skeleton: bounds taken from unset bone matrices would be a point.
  mesh.skeleton.update()
  // Not drawn, but still moved and still carrying whatever hangs under them (hiding would hide that too).
  for (const part of parts) part.layers.disableAll()
  // Out of the scene graph unless something under them is still drawn on its own (a part the profile shows
  // or hides): the bones read only the nodes' local matrices, which whoever moves a node brings up to date
  // (the library's visuals call updateMatrix).
  const nodes = root.children.filter((c) => c !== mesh)
  if (!nodes.some((node) => drawsOnItsOwn(node, parts))) {
    const rig = new Object3D()
    rig.name = 'one-draw-parts'
    rig.add(...nodes)
    rigs.set(root, rig)
  }
  return mesh
}

function drawsOnItsOwn(node: Object3D, merged: readonly Mesh[]): boolean {
  let draws = false
  node.traverse((o) => {
    if ((o as Mesh).isMesh && !merged.includes(o as Mesh)) draws = true
  })
  return draws
}

/** A part's pose in the root's frame, from the local matrices between them (exact while nothing moves). */
function poseInRoot(part: Object3D, root: Object3D, target: Matrix4): Matrix4 {
  target.copy(part.matrix)
  for (let node = part.parent; node && node !== root; node = node.parent) target.premultiply(node.matrix)
  return target
}

const pose = new Matrix4()

/**
 * The part nodes as bones, each bone's matrix its node's pose in the root's frame against its pose when
 * merged (the identity at rest). three's Skeleton multiplies world matrices and re-uploads its bone
 * texture every frame; this one uploads only in a frame where a part moved on the controller.
 */
class PartSkeleton extends Skeleton {
  constructor(
    parts: Mesh[],
    private readonly root: Object3D,
  ) {
    const bones = parts as unknown as ConstructorParameters<typeof Skeleton>[0]
    super(
      bones,
      parts.map((part) => poseInRoot(part, root, new Matrix4()).invert()),
    )
  }

  /** Bone matrices as the shader reads them (three's Skeleton writes world matrices here). */
  override update(): void {
    const { bones, boneInverses, boneMatrices, boneTexture } = this
    if (!boneMatrices) return // only before three's init, which the constructor runs
    let moved = false
    for (let i = 0; i < bones.length; i++) {
      poseInRoot(bones[i], this.root, pose).multiply(boneInverses[i])
      if (storeBoneMatrix(boneMatrices, i, pose)) moved = true
    }
    if (moved && boneTexture) boneTexture.needsUpdate = true
  }
}

const boneMatrix = new Matrix4()

/** The merged mesh: every vertex follows one bone fully, through the matrices the shader reads. */
class PartsMesh extends SkinnedMesh {
  // three's version reads the bones' world matrices, not the skeleton's matrices: with the bone matrices in
  // the model's frame, bounds for culling and the tests' vertex positions would be placed twice.
  override applyBoneTransform(index: number, vector: Vector3): Vector3
  override applyBoneTransform(index: number, vector: Vector4): Vector4
  override applyBoneTransform(index: number, vector: Vector3 | Vector4): Vector3 | Vector4 {
    const matrices = this.skeleton.boneMatrices
    if (!matrices) return vector
    const bone = this.geometry.getAttribute('skinIndex').getX(index)
    return vector.applyMatrix4(boneMatrix.fromArray(matrices, bone * 16))
  }
}
