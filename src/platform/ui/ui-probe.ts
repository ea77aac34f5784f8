// Read-only view of rendered 3D text and keys for browser tests (`view('ui')`): which strings troika shows
// under a named object, so a test can see a language switch happen without a reload, and the colour a
// panel's key batch draws for a key.
import type { Mesh, MeshBasicMaterial, Object3D } from 'three'
import { registerDebugView } from '../debug/test-hooks'
import { drawnKeyColor } from './key-batch'
import { computeLayoutView } from './layout-probe'
import { TextBatch } from './text-batch'

export interface UiDebugView {
  /** Every troika text string under the first object with this name, in scene-graph order. */
  textsUnder(name: string): string[] | null
  /**
   * How troika laid out each text under the named object: the glyph atlas slot of each renderable glyph
   * (troika stores one slot per distinct glyph of a font, so tofu, the .notdef box, shares one slot
   * however many characters lack a glyph). A text still being typeset (or waiting to be) is left out.
   */
  glyphsUnder(name: string): Array<{ text: string; atlasIndices: number[] }> | null
  /**
   * Each button key under the named object that a panel's key batch draws: the colour its material asks for
   * and the colour the batch draws (hex, as of the batch's last update), in scene-graph order.
   */
  keyColorsUnder(name: string): Array<{ asked: string; drawn: string | null }> | null
}

interface TroikaRenderInfo {
  glyphAtlasIndices?: ArrayLike<number>
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
      // A panel's text batch draws its texts; it has none of its own.
      if (typeof text === 'string' && !(o instanceof TextBatch)) texts.push(text)
    })
    return texts
  },
  glyphsUnder(name) {
    const object = root?.getObjectByName(name)
    if (!object) return null
    const out: ReturnType<UiDebugView['glyphsUnder']> & object = []
    object.traverse((o) => {
      const t = o as Object3D & {
        text?: unknown
        textRenderInfo?: TroikaRenderInfo | null
        _needsSync?: boolean
        _isSyncing?: boolean
      }
      const info = t.textRenderInfo
      if (
        typeof t.text !== 'string' ||
        o instanceof TextBatch ||
        !info?.glyphAtlasIndices ||
        t._needsSync ||
        t._isSyncing
      )
        return
      out.push({ text: t.text, atlasIndices: Array.from(info.glyphAtlasIndices) })
    })
    return out
  },
  keyColorsUnder(name) {
    const object = root?.getObjectByName(name)
    if (!object) return null
    const out: Array<{ asked: string; drawn: string | null }> = []
    object.traverse((o) => {
      const drawn = drawnKeyColor(o)
      if (drawn === undefined) return
      out.push({ asked: ((o as Mesh).material as MeshBasicMaterial).color.getHexString(), drawn })
    })
    return out
  },
}

export function registerUiProbeRoot(scene: Object3D): void {
  root = scene
  registerDebugView('ui', () => uiView)
  registerDebugView('layout', computeLayoutView)
}
