// Asset step: draws the tileable surface textures (scripts/textures/) into public/textures/*.ktx2, the
// files the page's floors, roads and walls load (src/platform/render/use-surface-texture.ts). The models
// embed the same KTX2 bytes (scripts/models/model-builder.ts).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { surfaceTextureKtx2 } from '../textures/ktx2'
import { TEXTURE_NAMES } from '../textures/surface-textures'
import { isUpToDate } from './freshness'

export const TEXTURE_INPUTS = [
  'scripts/textures/surface-textures.ts',
  'scripts/textures/texture-noise.ts',
  'scripts/textures/ktx2.ts',
  'scripts/textures/srgb.ts',
  'src/shared/seeded-random.ts',
]

/** Writes every texture unless all are newer than their code; returns how many were written. */
export async function buildTextures(root: string, force = false): Promise<number> {
  const outDir = join(root, 'public/textures')
  const outputs = TEXTURE_NAMES.map((name) => join(outDir, `${name}.ktx2`))
  if (
    !force &&
    isUpToDate(
      outputs,
      TEXTURE_INPUTS.map((p) => join(root, p)),
    )
  )
    return 0
  mkdirSync(outDir, { recursive: true })
  // The PNGs earlier builds wrote would still be copied into dist/ and precached.
  for (const file of readdirSync(outDir)) if (file.endsWith('.png')) rmSync(join(outDir, file))
  for (const name of TEXTURE_NAMES)
    writeFileSync(join(outDir, `${name}.ktx2`), await surfaceTextureKtx2(name))
  return outputs.length
}
