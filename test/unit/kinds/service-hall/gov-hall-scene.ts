// Loads the real gov-hall scene through the schema, so every test runs against the shipped catalogue.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ServiceHallContent } from '../../../../src/schema/kinds/service-hall'
import { validateSceneText } from '../../../../src/schema/scene-validation'

export function loadGovHall(): ServiceHallContent {
  const result = validateSceneText(readFileSync(resolve('scenes/gov-hall/scene.json'), 'utf8'), 'gov-hall')
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  if (result.scene.kind !== 'service-hall') throw new Error('gov-hall is not a service hall')
  return result.scene.serviceHall
}
