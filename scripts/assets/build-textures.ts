// Asset step: draws the tileable surface textures (scripts/textures/) into public/textures/*.png.
// The models embed the same pixels (drawn again in process); these files are for looking at them.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { surfaceTexture, TEXTURE_NAMES } from '../textures/surface-textures'
import { isUpToDate } from './freshness'

export const TEXTURE_INPUTS = [
  'scripts/textures/surface-textures.ts',
  'scripts/textures/texture-noise.ts',
  'src/shared/seeded-random.ts',
]

/** Writes every texture unless all are newer than their code; returns how many were written. */
export function buildTextures(root: string, force = false): number {
  const outDir = join(root, 'public/textures')
  const outputs = TEXTURE_NAMES.map((name) => join(outDir, `${name}.png`))
  if (
    !force &&
    isUpToDate(
      outputs,
      TEXTURE_INPUTS.map((p) => join(root, p)),
    )
  )
    return 0
  mkdirSync(outDir, { recursive: true })
  for (const name of TEXTURE_NAMES) writeFileSync(join(outDir, `${name}.png`), surfaceTexture(name).png)
  return outputs.length
}
