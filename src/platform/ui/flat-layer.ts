// In a headset, a flat panel group (a view slot's or dashboard slot's content) is drawn as one textured
// quad, the way a headset's own compositor draws a system panel. Its backgrounds, keys and texts are
// rendered into the quad's texture only in a frame where something in them changed, and the headset's
// frame draws the quad instead of them. Each UI draw is paid once per eye and costs about three world
// draws (docs/bench-history.md): the memorial's console, map and menu drew 13 calls per eye.
// The content stays where it is in the scene graph, shown to everything but the headset's render: pointers
// still hit its hidden key meshes, tests and the layout probe still read it. Content that keeps changing
// (a moving marker, a video) is drawn live until it has been still for a moment. On desktop it is always live.
import {
  type ArrayCamera,
  Box3,
  type Camera,
  Color,
  DoubleSide,
  Group,
  type InstancedMesh,
  LinearMipmapLinearFilter,
  type Material,
  Matrix4,
  Mesh,
  MeshBasicMaterial,
  type Object3D,
  OrthographicCamera,
  PlaneGeometry,
  type Scene,
  SRGBColorSpace,
  type Texture,
  Vector3,
  type WebGLRenderer,
  WebGLRenderTarget,
} from 'three'
import { shownInScene } from './batch-members'
import { TextBatch } from './text-batch'
import { theme } from './theme'

/** Most texture pixels per metre of panel: about a Quest 3's pixels per degree at the slots' 0.8–1.2 m. */
export const LAYER_PX_PER_M = 1400
/** Texture pixels per eye-buffer pixel: a little more, so sampling the texture does not soften its text. */
const OVERSAMPLE = 1.25
/** Degrees a metre subtends at a metre, near the view's centre (small-angle). */
const DEG_PER_M_AT_1M = 180 / Math.PI

/**
 * Texture pixels per metre for a layer seen from about a metre in an eye drawn `eyeWidthPx` wide through
 * `projection`: the eye buffer's pixels per degree with a quarter more, at most LAYER_PX_PER_M. A picture
 * finer than the eye's own pixels cannot be seen, yet costs memory and, on each change, fill: an eye buffer
 * drawn smaller than the panel (a framebuffer scale below 1, or software GL's emulated headset, a few hundred
 * pixels wide) gets a texture to match.
 */
export function layerPxPerMetre(eyeWidthPx: number, projection: Matrix4): number {
  const e = projection.elements
  // A perspective projection's horizontal half-angle tangents: right (1 + e8) / e0, left (1 − e8) / e0.
  if (!(eyeWidthPx > 0) || !(e[0] > 0)) return LAYER_PX_PER_M
  const fovDeg = ((Math.atan((1 + e[8]) / e[0]) + Math.atan((1 - e[8]) / e[0])) * 180) / Math.PI
  const pxPerDeg = eyeWidthPx / fovDeg
  return Math.min(LAYER_PX_PER_M, Math.round(pxPerDeg * DEG_PER_M_AT_1M * OVERSAMPLE))
}
/** Largest side of a layer's texture. */
const MAX_SIDE = 2048
/** Frames in a row with a change after which the content is drawn live instead of re-rendered each frame. */
const LIVE_AFTER_CHANGES = 6
/** Frames without a change after which live content is cached again. */
const CACHE_AFTER_STILL = 30
/** Space left around the content's bounds (m), so an outline or a pressed key's edge is not cut. */
const MARGIN = 0.01

/** What a layer did in its last headset frame, for the ui debug view. */
export type LayerState = 'live' | 'cached' | 'off'

const box = new Box3()
const ownBox = new Box3()
const toLayer = new Matrix4()
const toMesh = new Matrix4()
const corner = new Vector3()
const savedClear = new Color()

/** Troika text's fields that say what it shows (it lays out asynchronously, then swaps its render info). */
interface TextLike {
  textRenderInfo?: unknown
  _needsSync?: boolean
  color?: unknown
  fillOpacity?: unknown
  clipRect?: unknown
}

export class FlatLayer {
  /**
   * The panel group's content: drawn live, or into the texture. Unnamed: tests and the layout probe name a
   * panel by its named ancestors, as they did before the layer.
   */
  readonly content = new Group()
  /** What the headset's frame draws instead, in the content's plane. */
  readonly quad: Mesh<PlaneGeometry, MeshBasicMaterial>
  state: LayerState = 'off'
  /** Renders into the texture since mounting, for tests. */
  renders = 0
  private target: WebGLRenderTarget | null = null
  private readonly camera = new OrthographicCamera()
  private signature: unknown[] = []
  private next: unknown[] = []
  private changedFrames = 0
  private stillFrames = 0
  /** Texture pixels per metre for the headset's eye buffer (layerPxPerMetre), as of the last frame. */
  private pxPerM = LAYER_PX_PER_M
  private hiddenForRender = false
  /** Whether the texture holds a picture of the content as it is now. */
  private pictured = false

  constructor() {
    this.quad = new Mesh(new PlaneGeometry(1, 1), layerMaterial())
    this.quad.name = 'flat-layer'
    this.quad.visible = false
    // Pointers hit the content's own meshes; the quad is only a picture of them.
    this.quad.raycast = () => {}
    this.camera.matrixAutoUpdate = false
    this.camera.matrixWorldAutoUpdate = false
  }

  /**
   * Before the headset's render: re-renders the texture if the content changed, and hides the content from
   * this render if the quad shows it. Off a headset, or with nothing above it shown, the content is live.
   * `pxPerM`: the picture's texture pixels per metre for this frame's headset eye (layerPxPerMetre).
   */
  beforeRender(renderer: WebGLRenderer, pxPerM = LAYER_PX_PER_M): void {
    const parent = this.content.parent
    if (!renderer.xr.isPresenting || !parent || !shownInScene(parent)) {
      this.state = 'off'
      this.quad.visible = false
      this.signature.length = 0
      this.changedFrames = 0
      this.stillFrames = 0
      return
    }
    const resized = pxPerM !== this.pxPerM
    this.pxPerM = pxPerM
    const changed = this.sign() || resized
    if (changed) {
      this.changedFrames++
      this.stillFrames = 0
    } else {
      this.changedFrames = 0
      this.stillFrames++
    }
    if (this.state !== 'live' && this.changedFrames >= LIVE_AFTER_CHANGES) this.state = 'live'
    else if (this.state === 'live' && this.stillFrames >= CACHE_AFTER_STILL) this.state = 'off'
    if (this.state !== 'live' && (changed || this.state === 'off')) {
      this.pictured = this.render(renderer, parent)
      this.state = 'cached'
    }
    const cached = this.state === 'cached'
    // Content with nothing to draw (all of it hidden) leaves no picture: the quad must not show the last one.
    this.quad.visible = cached && this.pictured
    if (cached) {
      this.content.visible = false
      this.hiddenForRender = true
    }
  }

  /** After the headset's render: the content is shown again to everything else. */
  afterRender(): void {
    if (!this.hiddenForRender) return
    this.hiddenForRender = false
    this.content.visible = true
  }

  dispose(): void {
    this.target?.dispose()
    this.quad.geometry.dispose()
    this.quad.material.dispose()
  }

  /** Writes what the content shows into `next`; true if it differs from the last frame's. */
  private sign(): boolean {
    const next = this.next
    next.length = 0
    for (const child of this.content.children) signObject(child, next)
    const previous = this.signature
    let changed = previous.length !== next.length
    for (let i = 0; !changed && i < next.length; i++) changed = previous[i] !== next[i]
    this.signature = next
    this.next = previous
    return changed
  }

  /**
   * Renders the content, seen straight on from the front of its parent's plane, into the texture; false, rendering
   * nothing, when nothing of it is shown.
   */
  private render(renderer: WebGLRenderer, parent: Object3D): boolean {
    parent.updateWorldMatrix(true, false)
    this.content.updateMatrixWorld(true)
    if (!contentBounds(this.content, parent, box)) return false
    box.expandByScalar(MARGIN)
    const width = box.max.x - box.min.x
    const height = box.max.y - box.min.y
    const scale = Math.min(1, MAX_SIDE / (Math.max(width, height) * this.pxPerM))
    const w = Math.max(1, Math.round(width * this.pxPerM * scale))
    const h = Math.max(1, Math.round(height * this.pxPerM * scale))
    const target = this.targetOfSize(w, h)

    const camera = this.camera
    const depth = box.max.z - box.min.z
    camera.left = box.min.x
    camera.right = box.max.x
    camera.top = box.max.y
    camera.bottom = box.min.y
    camera.near = 0.01
    camera.far = depth + 0.02
    camera.updateProjectionMatrix()
    camera.matrix.makeTranslation(0, 0, box.max.z + 0.01)
    camera.matrixWorld.multiplyMatrices(parent.matrixWorld, camera.matrix)
    camera.matrixWorldInverse.copy(camera.matrixWorld).invert()

    const xr = renderer.xr
    const xrEnabled = xr.enabled
    const previousTarget = renderer.getRenderTarget()
    const clearAlpha = renderer.getClearAlpha()
    renderer.getClearColor(savedClear)
    // Off for this render only: the session's render would draw with the headset's cameras instead.
    xr.enabled = false
    try {
      renderer.setRenderTarget(target)
      renderer.setClearColor(0x000000, 0)
      renderer.clear(true, true, false)
      renderer.render(this.content, camera as Camera)
    } finally {
      renderer.setRenderTarget(previousTarget)
      renderer.setClearColor(savedClear, clearAlpha)
      xr.enabled = xrEnabled
    }
    this.renders++

    // The quad covers the rendered rectangle, just in front of the panels' faces, so a pointer's cursor
    // on a key (in front of the key's face) is still seen.
    this.quad.material.map = target.texture
    this.quad.position.set((box.min.x + box.max.x) / 2, (box.min.y + box.max.y) / 2, 0)
    this.quad.scale.set(width, height, 1)
    this.quad.updateMatrix()
    return true
  }

  private targetOfSize(w: number, h: number): WebGLRenderTarget {
    const target = this.target
    if (target && target.width === w && target.height === h) return target
    target?.dispose()
    const made = new WebGLRenderTarget(w, h, {
      samples: 4,
      colorSpace: SRGBColorSpace,
      generateMipmaps: true,
      minFilter: LinearMipmapLinearFilter,
    })
    made.texture.anisotropy = 4
    this.target = made
    this.quad.material.needsUpdate = true
    return made
  }
}

/**
 * The quad's material: the texture in front; behind, the panels' outline in the panel colour, as the back of
 * a panel's own box showed (a panel at a desk is seen from behind too), in the same single draw.
 */
function layerMaterial(): MeshBasicMaterial {
  const material = new MeshBasicMaterial({
    transparent: true,
    // The texture holds colour already multiplied by coverage (rendered over a cleared transparent target).
    premultipliedAlpha: true,
    toneMapped: false,
    // A panel's rounded corners are clear: they must not hide what is behind them.
    alphaTest: 0.01,
    side: DoubleSide,
    forceSinglePass: true,
  })
  const back = new Color(theme.panel)
  material.onBeforeCompile = (shader) => {
    shader.uniforms.backColor = { value: back }
    shader.fragmentShader = `uniform vec3 backColor;\n${shader.fragmentShader}`.replace(
      '#include <map_fragment>',
      '#include <map_fragment>\n  if (!gl_FrontFacing) diffuseColor.rgb = backColor * diffuseColor.a;',
    )
  }
  return material
}

/**
 * What an object contributes to what is drawn: its identity and visibility, its matrix, what its material
 * and geometry show, or a text's layout and colour; then its children's, while it is shown. A hidden mesh
 * still counts (a button's hidden key is drawn by its panel's key batch, in its material's colour). What the
 * rendering itself writes (batches' instances and packed data) is left out, or every render would be a change.
 */
function signObject(o: Object3D, out: unknown[]): void {
  out.push(o.id, o.visible)
  const e = o.matrix.elements
  for (let i = 0; i < 16; i++) out.push(e[i])
  const text = o as Object3D & TextLike
  if (o instanceof TextBatch) out.push(o.packs, o.packPending)
  if ('textRenderInfo' in o) {
    out.push(text.textRenderInfo, text._needsSync, text.color, text.fillOpacity, text.clipRect)
  } else if ((o as Mesh).isMesh && !(o as InstancedMesh).isInstancedMesh) {
    const mesh = o as Mesh
    out.push(mesh.geometry.id)
    const material = mesh.material
    if (Array.isArray(material)) for (const m of material) signMaterial(m, out)
    else signMaterial(material, out)
  }
  if (!o.visible) return
  for (const child of o.children) signObject(child, out)
}

function signMaterial(m: Material, out: unknown[]): void {
  const basic = m as Material & { color?: Color; map?: Texture | null }
  out.push(m.id, m.visible, m.opacity, basic.color?.r, basic.color?.g, basic.color?.b)
  const map = basic.map
  if (map) out.push(map.id, map.version, map.image)
}

/** The content's bounds in its parent's frame: every shown mesh's, and an instanced mesh's instances'. */
function contentBounds(content: Object3D, parent: Object3D, into: Box3): boolean {
  into.makeEmpty()
  const toParent = toLayer.copy(parent.matrixWorld).invert()
  const visit = (o: Object3D) => {
    if (!o.visible) return
    const mesh = o as Mesh
    if (mesh.isMesh && mesh.geometry) {
      const instanced = o as InstancedMesh
      if (instanced.isInstancedMesh) {
        if (instanced.count > 0) {
          instanced.computeBoundingBox()
          if (instanced.boundingBox) unionIn(into, ownBox.copy(instanced.boundingBox), o, toParent)
        }
      } else {
        if (!mesh.geometry.boundingBox) mesh.geometry.computeBoundingBox()
        const own = mesh.geometry.boundingBox
        if (own && !own.isEmpty()) unionIn(into, ownBox.copy(own), o, toParent)
      }
    }
    for (const child of o.children) visit(child)
  }
  visit(content)
  return !into.isEmpty()
}

function unionIn(into: Box3, own: Box3, o: Object3D, toParent: Matrix4): void {
  const m = toMesh.multiplyMatrices(toParent, o.matrixWorld)
  for (let i = 0; i < 8; i++) {
    corner.set(i & 1 ? own.max.x : own.min.x, i & 2 ? own.max.y : own.min.y, i & 4 ? own.max.z : own.min.z)
    into.expandByPoint(corner.applyMatrix4(m))
  }
}

/** Every mounted layer, by the scene whose render it takes part in. */
const layersOf = new WeakMap<Scene, Set<FlatLayer>>()

/**
 * Adds a layer to its scene's headset render: the scene's before- and after-render hooks run every layer
 * (installed once per scene, around whatever hooks the scene had). Returns the removal.
 */
export function attachLayer(scene: Scene, layer: FlatLayer): () => void {
  let layers = layersOf.get(scene)
  if (!layers) {
    const mounted = new Set<FlatLayer>()
    layers = mounted
    layersOf.set(scene, mounted)
    const before = scene.onBeforeRender.bind(scene)
    const after = scene.onAfterRender.bind(scene)
    scene.onBeforeRender = (renderer, sceneRendered, camera, ...rest) => {
      // Once a frame for every layer: the headset camera's first eye (its viewport in buffer pixels) says how
      // fine a picture need be.
      const eye = (camera as ArrayCamera).cameras?.[0]
      const pxPerM = eye?.viewport ? layerPxPerMetre(eye.viewport.z, eye.projectionMatrix) : LAYER_PX_PER_M
      for (const l of mounted) l.beforeRender(renderer, pxPerM)
      before(renderer, sceneRendered, camera, ...rest)
    }
    scene.onAfterRender = (renderer, ...rest) => {
      for (const l of mounted) l.afterRender()
      after(renderer, ...rest)
    }
  }
  layers.add(layer)
  return () => {
    layer.afterRender()
    layers.delete(layer)
  }
}

/** Every layer mounted in `scene`, for the ui debug view. */
export function layersIn(scene: Scene): FlatLayer[] {
  return [...(layersOf.get(scene) ?? [])]
}
