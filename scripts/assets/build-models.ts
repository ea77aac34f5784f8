// Asset step: builds every scene's generated glTF models into public/models/ from scripts/models/*.
// A scene's models are rebuilt only when its script or the shared builder changed.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { classroomModels } from '../models/classroom'
import { govHallModels } from '../models/gov-hall'
import { encodeModel, inspectModel, type ModelRecipe } from '../models/model-builder'
import { redTourismModels } from '../models/red-tourism'
import { twinParkModels } from '../models/twin-park'
import { isUpToDate } from './freshness'

/** Each scene's model script and the recipes it exports. */
export const MODEL_SOURCES: ReadonlyArray<{ script: string; recipes: ModelRecipe[] }> = [
  { script: 'scripts/models/red-tourism.ts', recipes: redTourismModels },
  { script: 'scripts/models/gov-hall.ts', recipes: govHallModels },
  { script: 'scripts/models/twin-park.ts', recipes: twinParkModels },
  { script: 'scripts/models/classroom.ts', recipes: classroomModels },
]

const SHARED_INPUTS = ['scripts/models/model-builder.ts', 'scripts/models/model-shapes.ts']

/** The largest a generated model may be; issue 2 caps repository models at 5 MB, we aim far lower. */
export const MODEL_BYTE_LIMIT = 1_000_000

export interface BuiltModel {
  file: string
  bytes: number
  triangles: number
  primitives: number
  skipped: boolean
}

export async function buildModels(root: string, force = false): Promise<BuiltModel[]> {
  const outDir = join(root, 'public/models')
  mkdirSync(outDir, { recursive: true })
  const results: BuiltModel[] = []
  for (const { script, recipes } of MODEL_SOURCES) {
    const outputs = recipes.map((r) => join(outDir, r.file))
    const inputs = [script, ...SHARED_INPUTS].map((p) => join(root, p))
    if (!force && isUpToDate(outputs, inputs)) {
      for (const recipe of recipes) {
        results.push({ file: recipe.file, bytes: 0, triangles: 0, primitives: 0, skipped: true })
      }
      continue
    }
    for (const recipe of recipes) {
      const bytes = await encodeModel(recipe.build())
      const stats = await inspectModel(bytes)
      if (bytes.byteLength > MODEL_BYTE_LIMIT) {
        throw new Error(
          `${recipe.file} is ${bytes.byteLength} bytes, over the ${MODEL_BYTE_LIMIT} byte limit`,
        )
      }
      writeFileSync(join(outDir, recipe.file), bytes)
      results.push({
        file: recipe.file,
        bytes: bytes.byteLength,
        triangles: stats.triangles,
        primitives: stats.primitives,
        skipped: false,
      })
    }
  }
  return results
}
