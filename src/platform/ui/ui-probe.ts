// Read-only view of rendered 3D text for browser tests (`view('ui')`): which strings troika shows
// under a named object, so a test can see a language switch happen without a reload.
import type { Object3D } from 'three'
import { registerDebugView } from '../debug/test-hooks'
import { computeLayoutView } from './layout-probe'

export interface UiDebugView {
  /** Every troika text string under the first object with this name, in scene-graph order. */
  textsUnder(name: string): string[] | null
}

declare global {
  interface XrShowcaseDebugViews {
    ui: UiDebugView
  }
}

let root: Object3D | undefined

const uiView: UiDebugView = {
  textsUnder(name) {
    const object = root?.getObjectByName(name)
    if (!object) return null
    const texts: string[] = []
    object.traverse((o) => {
      const text = (o as Object3D & { text?: unknown }).text
      if (typeof text === 'string') texts.push(text)
    })
    return texts
  },
}

export function registerUiProbeRoot(scene: Object3D): void {
  root = scene
  registerDebugView('ui', () => uiView)
  registerDebugView('layout', computeLayoutView)
}
