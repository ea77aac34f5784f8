// Read-only view of rendered 3D text for browser tests (`view('ui')`): which strings troika shows
// under a named object, so a test can see a language switch happen without a reload.
import type { Object3D } from 'three'
import { registerDebugView } from '../debug/test-hooks'

export interface UiDebugView {
  /** Every troika text string under the first object with this name, in scene-graph order. */
  textsUnder(name: string): string[] | null
  /**
   * How troika laid out each text under the named object: its glyph ids (renderable glyphs only; 0 is
   * the font's .notdef box) and the font file of each, so a test can tell a drawn glyph from tofu.
   * A text still being typeset (or waiting to be) is left out.
   */
  glyphsUnder(name: string): Array<{ text: string; glyphIds: number[]; fonts: string[] }> | null
}

interface TroikaRenderInfo {
  glyphIds: ArrayLike<number>
  glyphFontIndices?: ArrayLike<number>
  fontData?: Array<{ src: string }>
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
      if (typeof t.text !== 'string' || !info?.glyphIds || t._needsSync || t._isSyncing) return
      const ids = Array.from(info.glyphIds)
      const fontOf = (i: number) => info.fontData?.[info.glyphFontIndices?.[i] ?? 0]?.src ?? ''
      out.push({ text: t.text, glyphIds: ids, fonts: ids.map((_, i) => fontOf(i)) })
    })
    return out
  },
}

export function registerUiProbeRoot(scene: Object3D): void {
  root = scene
  registerDebugView('ui', () => uiView)
}
