// The layout probe reads troika's laid-out text: a text whose string changed a moment ago is still drawn,
// and its carets still laid out, as the string before, and must be judged as that string.
import { Object3D, PerspectiveCamera, Scene, type WebGLRenderer } from 'three'
import { afterEach, describe, expect, it } from 'vitest'
import { registerThree } from '../../../src/platform/debug/test-hooks'
import { computeLayoutView } from '../../../src/platform/ui/layout-probe'

/** Carets as troika gives them: [left, right, bottom, top] per character, a second line from `from`. */
const carets = (text: string, secondLineFrom: number) =>
  [...text].flatMap((_, i) => [i * 0.01, (i + 1) * 0.01, i < secondLineFrom ? 0 : -0.05, 0.04])

function headsetWithText(
  text: string,
  laidOut: string,
  secondLineFrom: number,
  troika: { _needsSync?: boolean; _isSyncing?: boolean } = {},
) {
  const scene = new Scene()
  const label = Object.assign(new Object3D(), {
    ...troika,
    text,
    fontSize: 0.04,
    textRenderInfo: {
      blockBounds: [-0.2, -0.05, 0.2, 0.05],
      caretPositions: carets(laidOut, secondLineFrom),
      parameters: { text: laidOut },
    },
  })
  label.position.set(0, 1.6, -1)
  scene.add(label)
  const camera = new PerspectiveCamera()
  camera.position.set(0, 1.6, 0)
  const canvas = { getBoundingClientRect: () => ({ width: 1000, height: 500 }) }
  const gl = { xr: { isPresenting: true, getSession: () => null }, domElement: canvas }
  registerThree({ gl: gl as unknown as WebGLRenderer, scene, camera })
  return computeLayoutView()
}

describe('layout probe', () => {
  afterEach(() => registerThree(undefined as never))

  it('reads a broken word from the string the carets were laid out for', () => {
    // "Go to window" laid out on two lines at its second space; the string set since, not laid out yet, has
    // a word across that place.
    const view = headsetWithText('Your turn no', 'Go to window', 6)
    expect(view.texts).toHaveLength(1)
    expect(view.texts[0]!.brokenWord).toBeUndefined()
    expect(view.texts[0]!.lines).toBe(2)
  })

  it('still finds a word troika broke across two lines', () => {
    const view = headsetWithText('Your number', 'Your number', 7)
    expect(view.texts[0]!.brokenWord).toBe('number')
  })

  it('counts the shown texts troika has yet to lay out, or is laying out', () => {
    // A resized window re-lays a text in troika's worker: the layout test reads the view once none is left.
    expect(headsetWithText('Go', 'Go', 2).pendingTexts).toBe(0)
    expect(headsetWithText('Go now', 'Go', 2, { _needsSync: true }).pendingTexts).toBe(1)
    expect(headsetWithText('Go now', 'Go', 2, { _isSyncing: true }).pendingTexts).toBe(1)
  })
})
