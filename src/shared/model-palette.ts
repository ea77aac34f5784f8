// The contract between the model build (scripts/models/model-builder.ts), which writes a merged primitive's
// roughness and metalness into a palette image, and the app's shared materials
// (src/platform/models/shared-materials.ts), which count two files' palettes of the same texels as one look.

/** The name a palette image is written with: its texels, so equal palettes have equal names. */
export function paletteTextureName(texels: readonly { roughness: number; metalness: number }[]): string {
  return `palette ${texels.map((t) => `${t.roughness}/${t.metalness}`).join(',')}`
}

/** Whether a texture (three names it after its glTF image) is one of the builder's palettes. */
export function isPaletteTexture(name: string): boolean {
  return name.startsWith('palette ')
}
