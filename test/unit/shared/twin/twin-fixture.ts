// Loads the real twin-park scene for unit tests, so rules are tested on the data authors ship.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { TwinContent } from '../../../../src/schema/kinds/twin'
import { validateSceneText } from '../../../../src/schema/scene-validation'

export function loadTwinPark(): TwinContent {
  const result = validateSceneText(readFileSync(resolve('scenes/twin-park/scene.json'), 'utf8'), 'twin-park')
  if (!result.ok || result.scene.kind !== 'twin') throw new Error('twin-park scene does not validate')
  return result.scene.twin
}
