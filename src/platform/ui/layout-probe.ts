// The `layout` debug view: every visible panel, control and text with its projected rectangle and the
// angle its cap height subtends, computed from the scene graph (not pixels) only when a test asks.
// Desktop rects are CSS px in the canvas; XR rects are degrees from the head's forward direction.
import { type Camera, type Object3D, type PerspectiveCamera, Quaternion, Vector3 } from 'three'
import { registeredThree } from '../debug/test-hooks'
import { shownInScene } from './batch-members'
import {
  brokenWordIn,
  CAP_HEIGHT_RATIO,
  caretLines,
  desktopMinCapPx,
  type LayoutBox,
  type LayoutView,
  MIN_CAP_DEG,
  tangentPlaneDeg,
  type ViewRect,
} from './layout-rules'
import { XR_COMFORT, xrFramePitchDeg } from './view-slots'

declare global {
  interface XrShowcaseDebugViews {
    layout: LayoutView
  }
}

/** userData a Panel or a Button puts on its group so the probe knows its size. */
export interface LayoutTag {
  kind: 'panel' | 'control'
  width: number
  height: number
  /** Scenery panels (signs, plaques) are part of the world, not of the UI's layout. */
  scenery?: boolean
  /**
   * How far in front of the tagged object's origin its visible face is (m): a key's label sits on its
   * front face, and measured at the origin a panel turned below the eye put the label a few pixels past it.
   */
  face?: number
}

type TextMesh = Object3D & {
  text?: unknown
  fontSize?: number
  textRenderInfo?: {
    blockBounds?: number[]
    visibleBounds?: number[]
    capHeight?: number
    caretPositions?: ArrayLike<number>
    /** What troika laid out: the carets are this string's, which lags `text` until a re-layout ends. */
    parameters?: { text?: string }
  }
  material?: { opacity?: number }
  /** troika's own flags: a change waits for the next sync, or a sync is running in its worker. */
  _needsSync?: boolean
  _isSyncing?: boolean
}

const eye = new Vector3()
const eyeQ = new Quaternion()
const eyeInv = new Quaternion()
const v = new Vector3()
const a = new Vector3()
const b = new Vector3()

interface Projector {
  /** Point → view units [x, y], or null behind the eye. */
  project(p: Vector3): [number, number] | null
  /** A point in front → where the outlines compared with each other go, if not `project`'s place. */
  outline?(p: Vector3): [number, number]
}

function desktopProjector(camera: Camera, canvas: HTMLCanvasElement): Projector {
  const rect = canvas.getBoundingClientRect()
  return {
    project(p) {
      v.copy(p).project(camera)
      if (v.z > 1 || v.z < -1) return null
      return [((v.x + 1) / 2) * rect.width, ((1 - v.y) / 2) * rect.height]
    },
  }
}

function angularProjector(): Projector {
  return {
    project(p) {
      v.copy(p).sub(eye).applyQuaternion(eyeInv)
      if (v.z >= 0) return null
      const deg = 180 / Math.PI
      return [Math.atan2(v.x, -v.z) * deg, -Math.atan2(v.y, Math.hypot(v.x, v.z)) * deg]
    },
    outline(p) {
      v.copy(p).sub(eye).applyQuaternion(eyeInv)
      return tangentPlaneDeg(v.x, v.y, v.z)
    },
  }
}

function pathOf(o: Object3D): string {
  const names: string[] = []
  for (let x: Object3D | null = o; x; x = x.parent) if (x.name) names.unshift(x.name)
  return names.join('/') || o.uuid.slice(0, 8)
}

function projectRect(o: Object3D, x0: number, y0: number, x1: number, y1: number, pr: Projector, z = 0) {
  const corners = [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ]
  let inFront = true
  const r: ViewRect = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity }
  const quad: [number, number][] = []
  for (const [x, y] of corners) {
    const s = pr.project(o.localToWorld(a.set(x, y, z)))
    if (!s) {
      inFront = false
      continue
    }
    quad.push(pr.outline ? pr.outline(a) : s)
    r.x0 = Math.min(r.x0, s[0])
    r.y0 = Math.min(r.y0, s[1])
    r.x1 = Math.max(r.x1, s[0])
    r.y1 = Math.max(r.y1, s[1])
  }
  return { rect: r, inFront, quad: inFront ? quad : undefined }
}

/** Computes the view now, for the browser rule test and `npm run shots`. */
export function computeLayoutView(): LayoutView {
  const three = registeredThree()
  const empty: LayoutView = {
    mode: 'desktop',
    bounds: { x0: 0, y0: 0, x1: 0, y1: 0 },
    obstacles: [],
    minCap: 0,
    boxes: [],
    texts: [],
    pendingTexts: 0,
  }
  if (!three) return empty
  const { gl, scene, camera } = three
  scene.updateMatrixWorld()
  const xr = gl.xr.isPresenting
  // In XR the eye is the headset's; three copies its pose onto the scene camera every frame.
  camera.getWorldPosition(eye)
  camera.getWorldQuaternion(eyeQ)
  eyeInv.copy(eyeQ).invert()
  const pr = xr ? angularProjector() : desktopProjector(camera, gl.domElement)
  const canvas = gl.domElement.getBoundingClientRect()
  const fov = (camera as PerspectiveCamera).fov ?? 70
  const half = XR_COMFORT.fovDeg / 2
  const framePitch = xrFramePitchDeg(gl.xr.getSession()?.environmentBlendMode)
  const view: LayoutView = {
    mode: xr ? 'xr' : 'desktop',
    bounds: xr
      ? {
          x0: -half * XR_COMFORT.aspect,
          x1: half * XR_COMFORT.aspect,
          y0: -framePitch - half,
          y1: -framePitch + half,
        }
      : { x0: 0, y0: 0, x1: canvas.width, y1: canvas.height },
    obstacles: xr ? [] : pageObstacles(canvas),
    minCap: xr ? MIN_CAP_DEG : desktopMinCapPx(canvas.height, fov),
    boxes: [],
    texts: [],
    pendingTexts: 0,
  }
  const boxObjects = new Map<Object3D, string>()
  scene.traverse((o) => {
    const tag = o.userData.layout as LayoutTag | undefined
    if (!tag || tag.scenery || !shownInScene(o)) return
    const { rect, inFront, quad } = projectRect(
      o,
      -tag.width / 2,
      -tag.height / 2,
      tag.width / 2,
      tag.height / 2,
      pr,
      tag.face,
    )
    const path = pathOf(o)
    boxObjects.set(o, path)
    const distance = o.getWorldPosition(a).distanceTo(eye)
    const box: LayoutBox = { path, kind: tag.kind, ancestors: [], rect, quad, inFront, distance }
    for (let x = o.parent; x; x = x.parent)
      if (typeof x.userData.viewSlot === 'string') {
        box.slot = x.userData.viewSlot
        break
      }
    view.boxes.push(box)
  })
  for (const box of view.boxes) {
    const o = [...boxObjects].find(([, p]) => p === box.path)?.[0]
    for (let x = o?.parent; x; x = x.parent) {
      const p = boxObjects.get(x)
      if (p) box.ancestors.push(p)
    }
  }
  scene.traverse((o) => {
    const t = o as TextMesh
    if (typeof t.text !== 'string' || !t.text.trim() || !shownInScene(o)) return
    if (t._needsSync || t._isSyncing) view.pendingTexts++
    if (!t.textRenderInfo) return
    if (t.material?.opacity === 0) return
    let boxPath: string | null = null
    let scenery = false
    for (let x = o.parent; x; x = x.parent) {
      const tag = x.userData.layout as LayoutTag | undefined
      if (!tag) continue
      if (tag.scenery) scenery = true
      else boxPath = boxObjects.get(x) ?? null
      break
    }
    const info = t.textRenderInfo
    const bounds = info.visibleBounds ?? info.blockBounds
    if (!bounds) return
    const { rect, inFront, quad } = projectRect(o, bounds[0], bounds[1], bounds[2], bounds[3], pr)
    // Cap height measured as drawn: from the first line's middle up by the cap, through the projection.
    const capLocal = info.capHeight ?? (t.fontSize ?? 0.1) * CAP_HEIGHT_RATIO
    const midX = (bounds[0] + bounds[2]) / 2
    const top = bounds[3]
    o.localToWorld(a.set(midX, top - capLocal, 0))
    o.localToWorld(b.set(midX, top, 0))
    const distance = a.distanceTo(eye)
    const capDeg = (a.clone().sub(eye).angleTo(b.clone().sub(eye)) * 180) / Math.PI
    const pa = pr.project(a)
    const pb = pr.project(b)
    const cap = pa && pb ? Math.hypot(pa[0] - pb[0], pa[1] - pb[1]) : 0
    view.texts.push({
      path: pathOf(o),
      text: t.text.length > 40 ? `${t.text.slice(0, 40)}…` : t.text,
      box: boxPath,
      rect,
      quad,
      inFront,
      cap,
      capDeg,
      distance,
      decorative: scenery || o.userData.decorative === true,
      // Read against the string the carets belong to: a text set a moment ago is still drawn (and its carets
      // still laid out) as the one before, and the new string against old carets "broke" a word that is whole.
      brokenWord: info.caretPositions
        ? brokenWordIn(info.parameters?.text ?? t.text, info.caretPositions)
        : undefined,
      lines: info.caretPositions ? caretLines(info.caretPositions) : undefined,
    })
  })
  return view
}

/** The page's own controls over the canvas (desktop's scene bar), so panels keep clear of them. */
function pageObstacles(canvas: DOMRect): ViewRect[] {
  const bar = document.querySelector('[role="toolbar"]')
  if (!bar) return []
  return Array.from(bar.children).flatMap((child) => {
    const r = child.getBoundingClientRect()
    if (r.width === 0 || r.height === 0) return []
    return [
      {
        x0: r.left - canvas.left,
        y0: r.top - canvas.top,
        x1: r.right - canvas.left,
        y1: r.bottom - canvas.top,
      },
    ]
  })
}
