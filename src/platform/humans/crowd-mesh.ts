// A crowd of skinned figures drawn in one call. Ten clerks were ten draws per eye and ten bone textures,
// though they share one file and one material. The crowd mesh holds every figure's skin in its bind pose
// and one skeleton made of every figure's own bones, so each figure still moves by its own animator, where
// its copy stands. The figures' own meshes stay in the scene (their bones are what the animators move) but
// are not drawn.
//
// Why the merged skin draws each figure where it stands: three skins a vertex v of a mesh bound with
// matrix M to bones B_i (world matrices) with inverses I_i as Σ w_i · B_i · I_i · M · v, in world space,
// whatever the mesh's own place (attached binding). The crowd binds with the identity and holds each
// figure's vertices already multiplied by that figure's M, and its skeleton keeps each figure's B_i and
// I_i: the same sum, per vertex.
import {
  type BufferGeometry,
  Frustum,
  type Material,
  Matrix4,
  type Object3D,
  Skeleton,
  SkinnedMesh,
  Sphere,
  Uint16BufferAttribute,
} from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'
import { changedBones, countBoneUploadsWith } from '../render'
import { isFarDetail } from './humanoid-contract'
import { poseVersion } from './pose-updates'

/** A skeleton whose bones belong to several figures: it counts, per figure, the updates that moved it. */
class CrowdSkeleton extends Skeleton {
  /** Where each figure's bones start; the last entry is the bone count, where the last figure's end. */
  starts: number[] = []
  /** Per figure: how many times its bones were sent to the GPU because they moved. */
  uploads: number[] = []
  /** Per figure: its root, and its pose version when its bones were last compared (pose-updates.ts). */
  figures: Object3D[] = []
  private readonly compared: (number | undefined)[] = []

  override update(): void {
    let any = false
    for (let f = 0; f < this.uploads.length; f++) {
      // A figure that did not recompute its bones' matrices since the last compare cannot have moved them:
      // a far clerk is posed one frame in three, an unseen one never.
      const version = poseVersion(this.figures[f]!)
      if (version !== undefined && version === this.compared[f]) continue
      this.compared[f] = version
      if (!changedBones(this, this.starts[f]!, this.starts[f + 1]!)) continue
      this.uploads[f]!++
      any = true
    }
    if (any && this.boneTexture) this.boneTexture.needsUpdate = true
  }
}

const frustum = new Frustum()
const viewProjection = new Matrix4()
const toCrowd = new Matrix4()
const inCrowd = new Sphere()

/** Where a figure's triangles are in the crowd's full index list: [first index, index count] per piece. */
type IndexRanges = Array<[first: number, count: number]>

/** Each figure's triangles at full and at far detail (the far ones are the full ones for a file without). */
interface FigureDetail {
  full: IndexRanges
  far: IndexRanges
}

export class CrowdMesh extends SkinnedMesh {
  declare skeleton: CrowdSkeleton
  /** Each figure's pose bounds in the world this frame (empty for a figure without bounds). */
  private readonly figureBounds: Sphere[]
  /** Every figure's triangles at both details, as merged; the drawn index list is copied from it. */
  private readonly allIndices: Uint32Array
  /** Per figure: whether it is drawn at full detail. */
  private readonly fullDetail: boolean[]
  private detailChanged = true

  constructor(
    geometry: BufferGeometry,
    material: Material,
    skeleton: CrowdSkeleton,
    /** Each figure's first skinned mesh, whose place and bounds say where the figure is. */
    private readonly figureMeshes: SkinnedMesh[],
    /** Called with a figure's index each time the crowd is drawn with that figure in the camera's view. */
    private readonly onSeen: (index: number) => void,
    private readonly details: FigureDetail[] = [],
  ) {
    super(geometry, material)
    this.name = 'crowd'
    this.bind(skeleton, new Matrix4())
    this.boundingSphere = new Sphere()
    this.figureBounds = figureMeshes.map(() => new Sphere())
    this.allIndices = Uint32Array.from(geometry.index?.array ?? [])
    this.fullDetail = figureMeshes.map(() => true)
    // Never a pointer target (the figures are not either).
    this.raycast = () => {}
  }

  /**
   * Draws figure `index` at full detail, or at the file's far detail (FAR_DETAIL_EXTRAS) where the visitor
   * is far from it. The drawn index list is rewritten before the next draw, only when a figure changed.
   */
  setFullDetail(index: number, full: boolean): void {
    if (this.fullDetail[index] === full) return
    this.fullDetail[index] = full
    this.detailChanged = true
  }

  /** Whether figure `index` is drawn at full detail. */
  isFullDetail(index: number): boolean {
    return this.fullDetail[index] ?? true
  }

  /** Copies each figure's triangles at its detail to the front of the index list the draw reads. */
  private writeDrawnIndices(): void {
    this.detailChanged = false
    const index = this.geometry.index
    if (!index || this.details.length === 0) return
    const drawn = index.array as Uint16Array | Uint32Array
    let at = 0
    this.details.forEach((figure, i) => {
      for (const [first, count] of this.fullDetail[i] ? figure.full : figure.far) {
        drawn.set(this.allIndices.subarray(first, first + count), at)
        at += count
      }
    })
    this.geometry.setDrawRange(0, at)
    index.clearUpdateRanges()
    index.addUpdateRange(0, at)
    index.needsUpdate = true
  }

  /**
   * Places each figure's pose bounds where it stands this frame, once for both eyes, and bounds the crowd by
   * them (the figures move, and the skin's own bind-pose bounds say nothing of where bones put it), so a
   * crowd wholly out of view is not drawn. The figures come before the crowd in the scene graph, so their
   * matrices are already this frame's.
   */
  override updateMatrixWorld(force?: boolean): void {
    super.updateMatrixWorld(force)
    if (this.detailChanged) this.writeDrawnIndices()
    const bounds = this.boundingSphere!.makeEmpty()
    toCrowd.copy(this.matrixWorld).invert()
    for (let i = 0; i < this.figureMeshes.length; i++) {
      const mesh = this.figureMeshes[i]!
      const world = this.figureBounds[i]!
      if (!mesh.boundingSphere) {
        world.makeEmpty()
        continue
      }
      world.copy(mesh.boundingSphere).applyMatrix4(mesh.matrixWorld)
      bounds.union(inCrowd.copy(world).applyMatrix4(toCrowd))
    }
  }

  /** How many times a figure's moved bones were sent to the GPU: what a test reads to see it animate. */
  uploadsOf(index: number): number {
    return this.skeleton.uploads[index] ?? 0
  }

  // Drawn once per eye in view: marks the figures this camera sees, as their own draws' culling once did.
  override onBeforeRender: SkinnedMesh['onBeforeRender'] = (_renderer, _scene, camera) => {
    viewProjection.multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse)
    frustum.setFromProjectionMatrix(viewProjection, camera.coordinateSystem, camera.reversedDepth)
    for (let i = 0; i < this.figureBounds.length; i++) {
      const bounds = this.figureBounds[i]!
      if (!bounds.isEmpty() && frustum.intersectsSphere(bounds)) this.onSeen(i)
    }
  }

  dispose(): void {
    this.geometry.dispose()
    this.skeleton.dispose()
  }
}

const isFar = (mesh: SkinnedMesh) => isFarDetail(mesh.geometry.userData)

/**
 * One mesh drawing every skinned mesh under `figures` (copies of one humanoid, each with its own bones),
 * which are hidden. Null, and nothing hidden, when they cannot share a draw: meshes of more than one
 * material, or no skinned mesh at all. Each figure's meshes must keep their bounding sphere set (their pose
 * bounds): the crowd marks a figure seen by it. A file's far-detail mesh (FAR_DETAIL_EXTRAS) is held too,
 * and drawn instead of the full one for a figure the caller sets to far (setFullDetail).
 */
export function mergeCrowd(figures: Object3D[], onSeen: (index: number) => void): CrowdMesh | null {
  const perFigure = figures.map((figure) => {
    const meshes: SkinnedMesh[] = []
    figure.traverse((o) => {
      if ((o as SkinnedMesh).isSkinnedMesh) meshes.push(o as SkinnedMesh)
    })
    // Full detail first: a figure's first mesh says where it stands (figureMeshes below).
    return meshes.sort((a, b) => Number(isFar(a)) - Number(isFar(b)))
  })
  const all = perFigure.flat()
  const material = all[0]?.material
  if (!material || Array.isArray(material) || all.some((m) => m.material !== material)) return null
  if (perFigure.some((meshes) => meshes.length === 0 || isFar(meshes[0]!))) return null

  const skeleton = new CrowdSkeleton()
  skeleton.figures = figures
  const offsets = new Map<Skeleton, number>()
  const pieces: BufferGeometry[] = []
  const details: FigureDetail[] = []
  let firstIndex = 0
  for (const meshes of perFigure) {
    const detail: FigureDetail = { full: [], far: [] }
    details.push(detail)
    skeleton.starts.push(skeleton.bones.length)
    skeleton.uploads.push(0)
    for (const mesh of meshes) {
      let offset = offsets.get(mesh.skeleton)
      if (offset === undefined) {
        offset = skeleton.bones.length
        offsets.set(mesh.skeleton, offset)
        skeleton.bones.push(...mesh.skeleton.bones)
        skeleton.boneInverses.push(...mesh.skeleton.boneInverses)
      }
      const piece = mesh.geometry.clone().applyMatrix4(mesh.bindMatrix)
      // Joint indices move past the figures before; a crowd passes 255 bones soon.
      const joints = piece.getAttribute('skinIndex')
      const shifted = new Uint16Array(joints.count * 4)
      for (let i = 0; i < joints.count; i++)
        for (let c = 0; c < 4; c++) shifted[i * 4 + c] = joints.getComponent(i, c) + offset
      piece.setAttribute('skinIndex', new Uint16BufferAttribute(shifted, 4))
      pieces.push(piece)
      // mergeGeometries lays the pieces' indices end to end, in this order.
      const count = piece.index?.count ?? 0
      ;(isFar(mesh) ? detail.far : detail.full).push([firstIndex, count])
      firstIndex += count
    }
    if (detail.far.length === 0) detail.far = detail.full
  }
  skeleton.starts.push(skeleton.bones.length)
  // What Skeleton's constructor does for the bones it is given.
  skeleton.init()
  const geometry = mergeGeometries(pieces)
  for (const piece of pieces) piece.dispose()
  if (!geometry) return null
  for (const mesh of all) mesh.visible = false
  const crowd = new CrowdMesh(
    geometry,
    material,
    skeleton,
    perFigure.map((meshes) => meshes[0]!),
    onSeen,
    details,
  )
  figures.forEach((figure, index) => {
    countBoneUploadsWith(figure, () => crowd.uploadsOf(index))
  })
  return crowd
}
