// A read-only window into the running app for browser tests and the bench: what is loaded, render
// statistics, and where named objects are. Tests drive the UI with real input, never through this.
// Over 300 lines on purpose: the hooks' interface and their definitions side by side, each hook a few
// lines; split, every hook would be declared in one file and defined in another.
import type { Camera, InstancedMesh, Object3D, Scene, WebGLRenderer } from 'three'
import { Quaternion, Raycaster, Vector2, Vector3 } from 'three'
import { boneUploads } from '../render/bones-when-moved'
import { programOf } from '../render/program-sort'
import { shownInScene } from '../ui/batch-members'
import { type LayerState, layersIn } from '../ui/flat-layer'

interface Three {
  gl: WebGLRenderer
  scene: Scene
  camera: Camera
}

let three: Three | undefined
/** Whether the bench asked for frame marks (sampleRenders), and for the marks between a frame's parts. */
let sampling = false
let samplingParts = false

export function registerThree(value: Three): void {
  three = value
}

/** The renderer, scene and camera the stage registered, for probes that measure what is drawn. */
export function registeredThree(): Three | undefined {
  return three
}

/**
 * Trace markers (`console.timeStamp`) the bench pairs up in a Chrome trace to read main-thread CPU
 * time (the thread timestamps, not wall clock) of each frame and each render. An XR frame runs from
 * the start to the end of the callback three.js gave the session's requestAnimationFrame (its pose
 * and camera update, every per-frame callback, the render); a desktop frame from the first per-frame
 * callback (FRAME_STAGES.frameStart) to the end of the render.
 */
export const FRAME_MARKS = {
  frameStart: 'xr-showcase:frame-start',
  frameEnd: 'xr-showcase:frame-end',
  renderStart: 'xr-showcase:render-start',
  renderEnd: 'xr-showcase:render-end',
  /** Followed by a segment's name (FRAME_SEGMENTS): where that part of the frame's work starts. */
  segmentPrefix: 'xr-showcase:segment:',
} as const

export interface RenderSample {
  calls: number
  triangles: number
  programs: number
}

export interface RenderInfo {
  calls: number
  triangles: number
  programs: number
  geometries: number
  textures: number
}

declare global {
  /**
   * The read-only views that kinds and platform services offer to tests, by name. Each adds its own
   * entry by declaration merging in its `debug.ts`, so tests import the exact type they read.
   */
  interface XrShowcaseDebugViews {}
}

export type DebugViewName = keyof XrShowcaseDebugViews

const debugViews = new Map<string, () => unknown>()

/**
 * Offers a view to tests. `compute` runs only when a test asks (never per frame or per store change),
 * so production pays nothing for it. Returns the unregister function for an effect's cleanup.
 */
export function registerDebugView<K extends DebugViewName>(
  name: K,
  compute: () => XrShowcaseDebugViews[K],
): () => void {
  debugViews.set(name, compute)
  return () => {
    if (debugViews.get(name) === compute) debugViews.delete(name)
  }
}

const debugActions = new Map<string, Record<string, (...args: never[]) => unknown>>()

/**
 * Offers a kind's store actions to the rule test and `npm run shots`, which walk a scene through its
 * states where clicking is not the point (the kind's own browser tests press real controls). Returns
 * the unregister function for an effect's cleanup.
 */
export function registerDebugActions(
  name: string,
  actions: Record<string, (...args: never[]) => unknown>,
): () => void {
  debugActions.set(name, actions)
  return () => {
    if (debugActions.get(name) === actions) debugActions.delete(name)
  }
}

/** One draw call of a render, as `nextRenderDraws` records it. */
export interface DrawRecord {
  /** The drawn object's named ancestors and itself, joined by "/". */
  path: string
  /** The object's three type (Mesh, SkinnedMesh, LineSegments…), or InstancedMesh for one. */
  type: string
  /** The material's three type, and its object's id. */
  material: string
  materialId: number
  /** The shader program three drew it with (0 if none was set up). */
  programId: number
  transparent: boolean
}

export interface TestHooks {
  /** Runs a registered store action (`act('tour', 'goTo', 2)`); throws if the kind or action is unknown. */
  act(name: string, action: string, ...args: unknown[]): unknown
  sceneId?: string
  ready: boolean
  xrMode: string | null
  /** The named debug view, computed now, or null while nothing offers it (e.g. its scene is not open). */
  view<K extends DebugViewName>(name: K): XrShowcaseDebugViews[K] | null
  renderInfo(): RenderInfo | undefined
  /** The renderer's live shader programs; three's cache key tells one material variant from another. */
  programKeys(): { id: number; name: string; cacheKey: string }[]
  /** World position of the first object with this name, or null. */
  worldPositionOf(name: string): [number, number, number] | null
  /**
   * How many times the poses of every skinned figure or model named `name` were sent to the GPU because they
   * moved (`boneUploads`, summed): both controllers' models share one name.
   */
  boneUploadsOf(name: string): number
  /**
   * The flat layers (ui/flat-layer.ts) mounted now: where each is (its quad's named ancestors), whether the
   * headset's last frame drew it as its quad ('cached'), live, or not at all ('off'), and its renders so far.
   */
  flatLayers(): { path: string; state: LayerState; renders: number }[]
  /** Whether the named object and all its ancestors are visible (what the renderer would draw). */
  isShown(name: string): boolean
  /** The label a control logs its clicks under: `userData.label` of the named object or its nearest ancestor. */
  controlLabelOf(name: string): string | null
  /** Screen position (CSS px) of a world point in the desktop camera, or null if behind it. */
  project(point: [number, number, number]): [number, number] | null
  cameraPosition(): [number, number, number] | null
  /** The camera's world orientation (x, y, z, w): in a session, the head's. */
  cameraQuaternion(): [number, number, number, number] | null
  /**
   * What a ray from the desktop camera through this canvas point (CSS px) passes, nearest first, with
   * whether each is drawn: for finding what hides or fails to draw part of the view.
   */
  objectsAt(x: number, y: number): { path: string; distance: number; shown: boolean; type: string }[]
  /** A world point in the XR origin's space: the space IWER poses controllers and hands in. */
  toOriginSpace(point: [number, number, number]): [number, number, number] | null
  /**
   * Starts marking every frame and every renderer.render call for a trace (FRAME_MARKS) and recording
   * the draw calls and triangles each render produced; used by `npm run bench`. Idempotent; called
   * again once a session has started, it also marks that session's frames. `parts: false` leaves out the
   * marks between the frame's parts (FRAME_SEGMENTS): nine a frame, each a few µs of the frame's own
   * CPU while a trace records, which the frame's budget should not pay.
   */
  sampleRenders(options?: { parts?: boolean }): void
  /**
   * Every draw of the next render (both eyes in a session), in the order three made them: for finding
   * which objects a scene's draw calls go to, and which draws share a material or a shader program.
   */
  nextRenderDraws(): Promise<DrawRecord[]>
  /** Called by the stage at the start of each frame's work (FRAME_STAGES.frameStart). */
  frameStarted(): void
  /** Called by the stage where each part of a frame's work starts (FRAME_SEGMENTS). */
  segmentStarted(segment: string): void
  renderSamples: RenderSample[]
  /** Views rendered per frame: 2 in a stereo XR session, 1 on desktop. */
  viewCount(): number
  /** Rendered frames so far (XR or desktop), so tests can wait for real frames, not wall time. */
  frame: number
  /** The last interactive-object pointer events ("over:label", "click:label" with pointer type). */
  pointerLog: string[]
  /** Pointer events logged so far (the log itself keeps only the last 50). */
  pointerLogCount: number
  /** World position of the right hand's index fingertip in XR hand mode, updated every frame. */
  indexTip: [number, number, number] | null
  /** In kiosk mode: the reset the idle timeout runs (for tests, which cannot wait minutes). */
  kioskReset?: () => void
  /** Hides the panels held in the view, as the attract loop does (scripts/thumbnails.ts's stills). */
  setViewUiHidden?: (hidden: boolean) => void
}

export const testHooks: TestHooks = {
  act(name, action, ...args) {
    const fn = debugActions.get(name)?.[action] as ((...a: unknown[]) => unknown) | undefined
    if (!fn)
      throw new Error(`no debug action ${name}.${action} (offered: ${[...debugActions.keys()].join(', ')})`)
    return fn(...args)
  },
  ready: false,
  xrMode: null,
  view<K extends DebugViewName>(name: K) {
    const compute = debugViews.get(name) as (() => XrShowcaseDebugViews[K]) | undefined
    return compute ? compute() : null
  },
  renderInfo() {
    if (!three) return undefined
    const { render, memory, programs } = three.gl.info
    return {
      calls: render.calls,
      triangles: render.triangles,
      programs: programs?.length ?? 0,
      geometries: memory.geometries,
      textures: memory.textures,
    }
  },
  programKeys() {
    return (three?.gl.info.programs ?? []).map(({ id, name, cacheKey }) => ({ id, name, cacheKey }))
  },
  worldPositionOf(name) {
    const object: Object3D | undefined = three?.scene.getObjectByName(name)
    if (!object) return null
    const p = object.getWorldPosition(new Vector3())
    return [p.x, p.y, p.z]
  },
  boneUploadsOf(name) {
    let uploads = 0
    three?.scene.traverse((o) => {
      if (o.name === name) uploads += boneUploads(o)
    })
    return uploads
  },
  flatLayers() {
    if (!three) return []
    return layersIn(three.scene).map((layer) => ({
      path: namedPath(layer.quad),
      state: layer.state,
      renders: layer.renders,
    }))
  },
  controlLabelOf(name) {
    for (let o: Object3D | null | undefined = three?.scene.getObjectByName(name); o; o = o.parent)
      if (typeof o.userData.label === 'string') return o.userData.label
    return null
  },
  isShown(name) {
    const object = three?.scene.getObjectByName(name)
    return object !== undefined && shownInScene(object)
  },
  project(point) {
    if (!three) return null
    const p = new Vector3(...point).project(three.camera)
    if (p.z > 1) return null
    const rect = three.gl.domElement.getBoundingClientRect()
    return [rect.left + ((p.x + 1) / 2) * rect.width, rect.top + ((1 - p.y) / 2) * rect.height]
  },
  indexTip: null,
  pointerLog: [],
  pointerLogCount: 0,
  renderSamples: [],
  frameStarted() {
    if (sampling && !three?.gl.xr.isPresenting) console.timeStamp(FRAME_MARKS.frameStart)
  },
  segmentStarted(segment) {
    if (samplingParts) console.timeStamp(FRAME_MARKS.segmentPrefix + segment)
  },
  sampleRenders(options) {
    const gl = three?.gl as (WebGLRenderer & { __sampled?: boolean }) | undefined
    if (!gl) return
    sampling = true
    samplingParts = options?.parts ?? true
    markSessionFrames(gl.xr.getSession())
    if (gl.__sampled) return
    gl.__sampled = true
    const render = gl.render.bind(gl)
    gl.render = (scene, camera) => {
      // A render inside the frame's own (a flat layer's texture, ui/flat-layer.ts) is part of it.
      if (scene !== three?.scene) return render(scene, camera)
      console.timeStamp(FRAME_MARKS.renderStart)
      render(scene, camera)
      console.timeStamp(FRAME_MARKS.renderEnd)
      if (!gl.xr.isPresenting) console.timeStamp(FRAME_MARKS.frameEnd)
      const { calls, triangles } = gl.info.render
      testHooks.renderSamples.push({ calls, triangles, programs: gl.info.programs?.length ?? 0 })
      if (testHooks.renderSamples.length > 300) testHooks.renderSamples.shift()
    }
  },
  nextRenderDraws() {
    const gl = three?.gl
    if (!gl) return Promise.resolve([])
    return new Promise((done) => {
      const draws: DrawRecord[] = []
      const program = programOf(gl)
      const drawDirect = gl.renderBufferDirect
      const render = gl.render
      gl.renderBufferDirect = (camera, scene, geometry, material, object, group) => {
        draws.push({
          path: namedPath(object),
          // three gives an InstancedMesh the type "Mesh"; the draw is another program, so it is named.
          type: (object as InstancedMesh).isInstancedMesh ? 'InstancedMesh' : object.type,
          material: material.type,
          materialId: material.id,
          programId: 0,
          transparent: material.transparent,
        })
        drawDirect.call(gl, camera, scene, geometry, material, object, group)
        // The program this draw used, known once three has set it up (after the call).
        draws[draws.length - 1].programId = program(material)
      }
      gl.render = (scene, camera) => {
        render.call(gl, scene, camera)
        // A render inside the frame's (a flat layer's texture): its draws are this frame's too.
        if (scene !== three?.scene) return
        gl.renderBufferDirect = drawDirect
        gl.render = render
        done(draws)
      }
    })
  },
  viewCount() {
    const xr = three?.gl.xr
    if (!xr?.isPresenting) return 1
    return Math.max(1, xr.getCamera().cameras.length)
  },
  frame: 0,
  toOriginSpace(point) {
    const origin = three?.scene.getObjectByName('xr-origin')
    if (!origin) return point
    const local = origin.worldToLocal(new Vector3(...point))
    return [local.x, local.y, local.z]
  },
  objectsAt(x, y) {
    if (!three) return []
    const rect = three.gl.domElement.getBoundingClientRect()
    const ray = new Raycaster()
    ray.setFromCamera(new Vector2((x / rect.width) * 2 - 1, 1 - (y / rect.height) * 2), three.camera)
    return ray.intersectObject(three.scene, true).map((hit) => {
      const names: string[] = []
      let shown = true
      for (let o: Object3D | null = hit.object; o; o = o.parent) {
        if (o.name) names.unshift(o.name)
        if (!o.visible) shown = false
      }
      return {
        path: names.join('/') || hit.object.type,
        distance: hit.distance,
        shown,
        type: hit.object.type,
      }
    })
  },
  cameraPosition() {
    if (!three) return null
    const p = three.camera.getWorldPosition(new Vector3())
    return [p.x, p.y, p.z]
  },
  cameraQuaternion() {
    if (!three) return null
    const q = three.camera.getWorldQuaternion(new Quaternion())
    return [q.x, q.y, q.z, q.w]
  },
}

/**
 * Wraps the session's requestAnimationFrame so each XR frame callback (three's, which runs R3F's whole
 * frame) is bracketed by trace markers: the span a headset's browser would give the page's XR frame.
 */
function markSessionFrames(session: (XRSession & { __sampled?: boolean }) | null): void {
  if (!session || session.__sampled) return
  session.__sampled = true
  const request = session.requestAnimationFrame.bind(session)
  session.requestAnimationFrame = (callback) =>
    request((time, frame) => {
      console.timeStamp(FRAME_MARKS.frameStart)
      callback(time, frame)
      console.timeStamp(FRAME_MARKS.frameEnd)
    })
}

declare global {
  interface Window {
    __xrShowcase: TestHooks
  }
}

if (typeof window !== 'undefined') window.__xrShowcase = testHooks

/** Records a pointer event on an interactive object; kept short so it costs nothing in a long kiosk day. */
export function logPointer(entry: string): void {
  testHooks.pointerLog.push(entry)
  testHooks.pointerLogCount++
  if (testHooks.pointerLog.length > 50) testHooks.pointerLog.shift()
}

/** An object's named ancestors and itself, joined by "/". */
function namedPath(object: Object3D): string {
  const names: string[] = []
  for (let o: Object3D | null = object; o; o = o.parent) if (o.name) names.unshift(o.name)
  return names.join('/')
}
