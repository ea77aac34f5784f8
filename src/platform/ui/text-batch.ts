// A panel's texts in one draw call. In a headset every draw is paid once per eye, and a panel of eight
// buttons drew nine texts: troika's BatchedText packs its members' glyphs into one mesh and their
// matrices and colours into a small data texture. Members stay where they are in the scene graph (the
// layout probe, tests and pointer code read them there) but on a layer no camera draws; the batch
// draws them from their place relative to itself, and draws nothing for a member hidden by itself or
// an ancestor.
import { Box3, Color, type Frustum, LinearSRGBColorSpace, type Material, Matrix4 } from 'three'
import { BatchedText, type Text } from 'troika-three-text'
import { HIDDEN, nearlyEqual, shownUnder } from './batch-members'

/** The layer a batched text is moved to: no camera enables it, so only its batch draws it. */
export const BATCHED_TEXT_LAYER = 30

interface Member {
  /** The member's matrix in the batch's frame; all zeros while it is hidden (its glyphs collapse). */
  relative: Matrix4
  shown: boolean
  /** The member's colour as troika set it, and the same as linear RGB bytes, which the batch packs. */
  colorSource: Text['color'] | typeof UNSET
  linearColor: number
  /** What else of the member the batch packs (set without a re-layout, so no sync event tells). */
  fillOpacity: unknown
  clipRect: unknown
}

const UNSET = Symbol('unset')
const DEFAULT_COLOR = 0xffffff
const toBatch = new Matrix4()
const placed = new Matrix4()
const box = new Box3()
const color = new Color()

export class TextBatch extends BatchedText {
  private readonly members = new Map<Text, Member>()
  /**
   * Whether anything packed may have changed since the last pack. Packing reads every member's uniforms
   * (troika's per-text work) and re-uploads the data texture on any change, so a frame where nothing
   * moved, re-laid out or changed colour, and the second eye of every frame, skip it.
   */
  private stale = true
  /** Whether the members were placed since the scene's matrices were last updated. */
  private placed = false
  private atlasSize = [0, 0]

  constructor() {
    super()
    this.name = 'text-batch'
    // Pointers press the controls behind texts, never the texts (UiText ignores rays the same way).
    this.raycast = () => {}
    // BatchedText re-packs its glyphs after a member re-laid out.
    this.addEventListener('synccomplete', () => {
      this.stale = true
      this.packs++
    })
  }

  get size(): number {
    return this.members.size
  }

  /** Glyph packs completed so far: what it draws changed with each. */
  packs = 0

  /**
   * Whether a member has laid out anew since the last pack: troika packs again in its next render, and
   * draws the new glyphs only in the render after that (a flat layer renders until both have happened).
   */
  get packPending(): boolean {
    const members = (this as unknown as { _members: Map<Text, { dirty: boolean }> })._members
    for (const [text, info] of members)
      if (info.dirty || (text as Text & { _needsSync?: boolean })._needsSync) return true
    return false
  }

  addMember(text: Text): void {
    if (this.members.has(text)) return
    this.members.set(text, {
      relative: new Matrix4(),
      shown: false,
      colorSource: UNSET,
      linearColor: 0,
      fillOpacity: undefined,
      clipRect: undefined,
    })
    this.stale = true
    this.addText(text)
    text.layers.set(BATCHED_TEXT_LAYER)
  }

  removeMember(text: Text): void {
    if (!this.members.delete(text)) return
    this.stale = true
    this.removeText(text)
    text.layers.set(0)
  }

  /**
   * Where each member is relative to the batch, this frame, from world matrices the renderer has just
   * brought up to date for the whole scene: a member mounted after its batch, on a panel that follows the
   * head, is already where this frame puts it.
   */
  private placeMembers(): void {
    toBatch.copy(this.matrixWorld).invert()
    for (const [text, member] of this.members) {
      member.shown = shownUnder(text, this.parent)
      if (member.shown) placed.multiplyMatrices(toBatch, text.matrixWorld)
      else placed.copy(HIDDEN)
      if (!nearlyEqual(placed, member.relative)) {
        member.relative.copy(placed)
        this.stale = true
      }
      const t = text as Text & { fillOpacity?: unknown; clipRect?: unknown }
      if (
        member.colorSource !== t.color ||
        member.fillOpacity !== t.fillOpacity ||
        member.clipRect !== t.clipRect
      ) {
        member.colorSource = t.color
        member.linearColor = color.set(t.color ?? DEFAULT_COLOR).getHex(LinearSRGBColorSpace)
        member.fillOpacity = t.fillOpacity
        member.clipRect = t.clipRect
        this.stale = true
      }
    }
  }

  /**
   * troika places the members and bounds the batch on every matrix update, while the scene's update is
   * still under way: members later in the graph are a frame behind, and each member's chain of local
   * matrices was composed a second time to make up for it. Here it only marks the members to be placed when
   * the renderer culls the batch (or, if it does not, before it packs them).
   */
  override updateBounds(): void {
    this.placed = false
  }

  override intersectsFrustum(frustum: Frustum): boolean {
    this.placeAndBound()
    return super.intersectsFrustum(frustum)
  }

  /** Places the members once per matrix update, and bounds the batch around those shown. */
  private placeAndBound(): void {
    if (this.placed) return
    this.placed = true
    this.placeMembers()
    const bounds = this.geometry.boundingBox
    if (!bounds || !this.geometry.boundingSphere) return
    bounds.makeEmpty()
    for (const [text, member] of this.members) {
      const own = text.geometry.boundingBox
      if (!member.shown || !own || own.isEmpty()) continue
      bounds.union(box.copy(own).applyMatrix4(member.relative))
    }
    bounds.getBoundingSphere(this.geometry.boundingSphere)
  }

  /**
   * BatchedText packs each member's `matrix` and `color`: hand it the member's place relative to the
   * batch (the members are not its children) and its colour as linear bytes (it packs `getHex()`, the
   * sRGB bytes, which its shader then reads as linear, washing colours out). Both are put back after.
   */
  override _prepareForRender(material: Material): void {
    // The members were placed when the renderer culled the batch, unless it draws the batch unculled.
    this.placeAndBound()
    // The glyph atlas grows when any text adds glyphs, and its size is a uniform of the batch too.
    const atlas = this.textRenderInfo?.sdfTexture.image as { width: number; height: number } | undefined
    if (atlas && (atlas.width !== this.atlasSize[0] || atlas.height !== this.atlasSize[1])) {
      this.atlasSize = [atlas.width, atlas.height]
      this.stale = true
    }
    if (!this.stale) return
    this.stale = false
    const saved: [Text, Matrix4, Text['color']][] = []
    for (const [text, member] of this.members) {
      saved.push([text, text.matrix, text.color])
      text.matrix = member.relative
      text.color = member.linearColor
    }
    try {
      super._prepareForRender(material)
    } finally {
      for (const [text, matrix, textColor] of saved) {
        text.matrix = matrix
        text.color = textColor
      }
    }
  }
}
