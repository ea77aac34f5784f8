// troika-three-text ships no types; these cover the text-builder configuration and the batching the UI
// kit uses (src/platform/ui/text-batch.ts).
declare module 'troika-three-text' {
  import type { BufferGeometry, ColorRepresentation, Material, Mesh, Object3DEventMap, Texture } from 'three'

  export function configureTextBuilder(config: {
    defaultFontURL?: string | null
    unicodeFontsURL?: string | null
    sdfGlyphSize?: number
    useWorker?: boolean
  }): void

  export class Text extends Mesh<
    BufferGeometry,
    Material,
    Object3DEventMap & { syncstart: object; synccomplete: object }
  > {
    text: string
    /** The laid-out text, once synced: `sdfTexture` is the glyph atlas every text of a glyph size shares. */
    readonly textRenderInfo: { sdfTexture: Texture } | null
    color: ColorRepresentation | null | undefined
    sync(callback?: () => void): void
    /** Sets the text's uniforms on the material it is about to be drawn with. */
    _prepareForRender(material: Material): void
  }

  /** Draws every Text handed to `addText` in one draw call (members are not drawn on their own). */
  export class BatchedText extends Text {
    addText(text: Text): void
    removeText(text: Text): void
    /** Recomputes the batch's bounds from its members; called on every matrix update. */
    updateBounds(): void
  }
}
