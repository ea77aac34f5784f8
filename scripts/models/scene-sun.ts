// The sun a scene's models are baked under: the direction the runtime lights that scene from (its
// scene.json's sun position, or where the sun stands at its time of day), so baked shadows fall on
// the side the live sun leaves dark. Read with the app's own schema defaults and sun path.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { sunAt } from '../../src/platform/environment/sky-light'
import { Environment } from '../../src/schema/common'
import type { Vec3 } from './model-builder'

/** The scene file whose mood a model script bakes under, relative to the repository root. */
export function sceneFile(folder: string): string {
  return `scenes/${folder}/scene.json`
}

/** Unit direction toward the sun of scenes/<folder>/scene.json, as SceneLighting places it. */
export function sceneSun(folder: string): Vec3 {
  const path = resolve(import.meta.dirname, '../..', sceneFile(folder))
  const scene = JSON.parse(readFileSync(path, 'utf8')) as { environment?: unknown }
  const environment = Environment.parse(scene.environment)
  const position = environment.lights.sun.position
  if (position) {
    const length = Math.hypot(...position)
    return [position[0] / length, position[1] / length, position[2] / length]
  }
  const { direction } = sunAt(environment.timeOfDay)
  return [direction.x, direction.y, direction.z]
}
