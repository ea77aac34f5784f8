import {
  ArrayCamera,
  Group,
  InstancedMesh,
  Matrix4,
  Mesh,
  MeshBasicMaterial,
  PerspectiveCamera,
  PlaneGeometry,
  Scene,
  Vector4,
  type WebGLRenderer,
} from 'three'
import { Text } from 'troika-three-text'
import { describe, expect, it, vi } from 'vitest'
import { attachLayer, FlatLayer, LAYER_PX_PER_M, layerPxPerMetre } from '../../../src/platform/ui/flat-layer'
import { TextBatch } from '../../../src/platform/ui/text-batch'

/** The renderer as a layer uses it: whether a session is on, and the calls that render its texture. */
function fakeRenderer(presenting = true) {
  const render = vi.fn()
  const renderer = {
    xr: { isPresenting: presenting, enabled: true },
    getRenderTarget: () => null,
    setRenderTarget: () => undefined,
    getClearAlpha: () => 1,
    getClearColor: (c: unknown) => c,
    setClearColor: () => undefined,
    clear: () => undefined,
    render,
  }
  return { renderer: renderer as unknown as WebGLRenderer, render }
}

/** A view slot with one panel: its background, a button's hidden key, a text and a key batch's instances. */
function slotWithPanel() {
  const slot = new Group()
  const layer = new FlatLayer()
  slot.add(layer.content, layer.quad)
  const background = new Mesh(new PlaneGeometry(0.6, 0.4), new MeshBasicMaterial({ color: '#223344' }))
  const key = new Mesh(new PlaneGeometry(0.2, 0.08), new MeshBasicMaterial({ color: '#445566' }))
  key.visible = false
  const instances = new InstancedMesh(new PlaneGeometry(0.2, 0.08), new MeshBasicMaterial(), 4)
  const text = new Text()
  // As troika leaves a text once it has laid it out.
  ;(text as unknown as { _needsSync: boolean })._needsSync = false
  layer.content.add(background, key, instances, text)
  slot.updateMatrixWorld(true)
  return { slot, layer, key, instances, text }
}

/** One headset frame as the scene's hooks run it: before the render, then after it. */
function frame(layer: FlatLayer, renderer: WebGLRenderer) {
  layer.beforeRender(renderer)
  const hiddenDuringRender = !layer.content.visible
  layer.afterRender()
  return hiddenDuringRender
}

describe('flat layer', () => {
  it('draws the content live, unrendered, outside a headset session', () => {
    const { layer } = slotWithPanel()
    const { renderer, render } = fakeRenderer(false)
    expect(frame(layer, renderer)).toBe(false)
    expect(render).not.toHaveBeenCalled()
    expect(layer.quad.visible).toBe(false)
    expect(layer.state).toBe('off')
  })

  it('renders the texture once, then only when something shown changes, hiding the content from the render only', () => {
    const { layer, key, instances, text } = slotWithPanel()
    const { renderer, render } = fakeRenderer()
    expect(frame(layer, renderer)).toBe(true)
    expect(render).toHaveBeenCalledTimes(1)
    expect(layer.quad.visible).toBe(true)
    expect(layer.content.visible).toBe(true)

    frame(layer, renderer)
    expect(render).toHaveBeenCalledTimes(1)
    // What a render itself writes (a key batch's instances) is no change.
    instances.instanceMatrix.needsUpdate = true
    frame(layer, renderer)
    expect(render).toHaveBeenCalledTimes(1)

    // A hover recolours a button's hidden key: its batch draws that colour.
    key.material.color.set('#ff0000')
    frame(layer, renderer)
    expect(render).toHaveBeenCalledTimes(2)
    // A pressed key sinks.
    key.position.z = -0.004
    key.updateMatrix()
    frame(layer, renderer)
    expect(render).toHaveBeenCalledTimes(3)
    // A text given new words lays out anew: rendered while it waits, and again when its layout arrives.
    text.text = 'Next 1/2'
    frame(layer, renderer)
    expect(render).toHaveBeenCalledTimes(4)
    expect(layer.state).toBe('cached')
  })

  it('draws content that keeps changing live, and caches it again once it has been still', () => {
    const { layer, key } = slotWithPanel()
    const { renderer, render } = fakeRenderer()
    frame(layer, renderer)
    for (let i = 1; i <= 6; i++) {
      key.material.color.setRGB(i / 10, 0, 0)
      frame(layer, renderer)
    }
    expect(layer.state).toBe('live')
    const rendered = render.mock.calls.length
    expect(frame(layer, renderer)).toBe(false)
    expect(layer.quad.visible).toBe(false)
    for (let i = 0; i < 30; i++) frame(layer, renderer)
    expect(layer.state).toBe('cached')
    expect(render.mock.calls.length).toBe(rendered + 1)
  })

  it('renders again when a text batch has a pack pending and when it has packed', () => {
    const { layer, text } = slotWithPanel()
    const batch = new TextBatch()
    layer.content.add(batch)
    batch.addMember(text)
    const members = (batch as unknown as { _members: Map<Text, { dirty: boolean }> })._members
    members.get(text)!.dirty = false
    const { renderer, render } = fakeRenderer()
    frame(layer, renderer)
    frame(layer, renderer)
    expect(render).toHaveBeenCalledTimes(1)
    // A member laid out anew: troika packs it in the batch's next render, and draws it in the one after.
    members.get(text)!.dirty = true
    frame(layer, renderer)
    expect(render).toHaveBeenCalledTimes(2)
    members.get(text)!.dirty = false
    batch.dispatchEvent({ type: 'synccomplete' } as never)
    frame(layer, renderer)
    expect(render).toHaveBeenCalledTimes(3)
  })

  it('shows no picture once everything on it is hidden, not the last one', () => {
    const { layer } = slotWithPanel()
    const { renderer } = fakeRenderer()
    frame(layer, renderer)
    expect(layer.quad.visible).toBe(true)
    for (const child of layer.content.children) child.visible = false
    frame(layer, renderer)
    expect(layer.quad.visible).toBe(false)
  })
})

describe('layer resolution', () => {
  /** A headset eye `width` pixels wide with a symmetric horizontal field of `fovDeg`. */
  function eye(width: number, fovDeg: number) {
    const camera = new PerspectiveCamera(fovDeg, 1, 0.05, 100)
    camera.viewport = new Vector4(0, 0, width, width)
    return camera
  }

  it("follows the eye buffer's pixels per degree, with a quarter more, up to a Quest 3 panel's", () => {
    // 1000 px over 90°: 11.1 px per degree; a metre at a metre is 57.3°, and a quarter more.
    expect(layerPxPerMetre(1000, eye(1000, 90).projectionMatrix)).toBe(
      Math.round((1000 / 90) * 57.2958 * 1.25),
    )
    // A Quest 3 eye at full scale (about 2064 px over 104°) already asks for more than the most a layer draws.
    expect(layerPxPerMetre(2064, eye(2064, 104).projectionMatrix)).toBe(LAYER_PX_PER_M)
    // An asymmetric frustum (a real eye's) counts both of its half-angles.
    const skewed = new Matrix4().makePerspective(-0.6, 1.4, 1, -1, 1, 100)
    const fov = ((Math.atan(0.6) + Math.atan(1.4)) * 180) / Math.PI
    expect(layerPxPerMetre(800, skewed)).toBe(Math.round((800 / fov) * 57.2958 * 1.25))
  })

  it("draws its picture at the headset eye's resolution, and again when that changes", () => {
    const { slot, layer } = slotWithPanel()
    const { renderer, render } = fakeRenderer()
    // Through the scene's hooks, as three runs them with the headset's camera.
    const scene = new Scene()
    scene.add(slot)
    attachLayer(scene, layer)
    // The hooks' other arguments (three passes the render target) are not read by the layers.
    const rest = [null, null, null] as unknown as [never, never, never]
    const headset = (width: number) => {
      const camera = new ArrayCamera([eye(width, 90), eye(width, 90)])
      scene.onBeforeRender(renderer, scene, camera, ...rest)
      scene.onAfterRender(renderer, scene, camera, ...rest)
      return layer.quad.material.map?.image as { width: number; height: number }
    }
    // The 0.6 × 0.4 m panel with its 1 cm margins, at the emulated headset's 120 px eye (95 px per metre).
    const small = headset(120)
    expect(small.width).toBe(Math.round(0.62 * layerPxPerMetre(120, eye(120, 90).projectionMatrix)))
    expect(render).toHaveBeenCalledTimes(1)
    // Nothing changed: no second picture.
    headset(120)
    expect(render).toHaveBeenCalledTimes(1)
    // A larger eye buffer: the picture is drawn again, finer, up to the most a layer draws.
    const large = headset(4000)
    expect(render).toHaveBeenCalledTimes(2)
    expect(large.width).toBe(Math.round(0.62 * LAYER_PX_PER_M))
  })
})
