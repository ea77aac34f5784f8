// Asset step: builds every scene's generated glTF models into public/models/ from scripts/models/*.
// A scene's models are rebuilt only when its script, its scene's lighting (scene.json) or the shared
// builder and light bake changed.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { classroomModels } from '../models/classroom'
import { govHallModels } from '../models/gov-hall'
import { encodeModel, inspectModel, type ModelRecipe } from '../models/model-builder'
import { redTourismModels } from '../models/red-tourism'
import { sceneFile } from '../models/scene-sun'
import { twinParkModels } from '../models/twin-park'
import { TEXTURE_INPUTS } from './build-textures'
import { isUpToDate } from './freshness'

/** Each scene's model script, the scene whose sun its models are baked under, and its recipes. */
export const MODEL_SOURCES: ReadonlyArray<{ script: string; scene: string; recipes: ModelRecipe[] }> = [
  { script: 'scripts/models/red-tourism.ts', scene: sceneFile('red-tourism'), recipes: redTourismModels },
  { script: 'scripts/models/gov-hall.ts', scene: sceneFile('gov-hall'), recipes: govHallModels },
  { script: 'scripts/models/twin-park.ts', scene: sceneFile('twin-park'), recipes: twinParkModels },
  { script: 'scripts/models/classroom.ts', scene: sceneFile('classroom'), recipes: classroomModels },
]

const SHARED_INPUTS = [
  'scripts/models/model-builder.ts',
  'scripts/models/model-textures.ts',
  'src/platform/render/surface-textures.ts',
  'scripts/models/model-shapes.ts',
  'scripts/models/bake-light.ts',
  'scripts/models/bake-rays.ts',
  'scripts/models/bake-sampling.ts',
  'scripts/models/edge-subdivision.ts',
  'scripts/models/scene-sun.ts',
  'scripts/models/humanoid.ts',
  'scripts/models/humanoid-body.ts',
  'scripts/models/humanoid-clips.ts',
  'scripts/models/skinned-mesh-builder.ts',
  'src/platform/humans/humanoid-contract.ts',
  'src/shared/baked-light.ts',
  'src/platform/environment/sky-light.ts',
  ...TEXTURE_INPUTS,
]

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
  for (const { script, scene, recipes } of MODEL_SOURCES) {
    const outputs = recipes.map((r) => join(outDir, r.file))
    const inputs = [script, scene, ...SHARED_INPUTS].map((p) => join(root, p))
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
