// The contract between the model build (scripts/models/model-builder.ts), which bakes light into
// vertex colours, and the app's look check (src/platform/environment/look-debug.ts), which reads it.

/** A primitive's glTF extras say its COLOR_0 carries baked light (three copies extras to geometry.userData). */
export const BAKED_LIGHT_EXTRAS = { bakedLight: true } as const

/** A surface whose linear emissive reaches this on any channel lights itself: the bake leaves it alone. */
export function isSelfLit(emissive: readonly number[] | undefined): boolean {
  return emissive !== undefined && Math.max(...emissive) >= 0.25
}
