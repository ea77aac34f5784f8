// Finds the parks the server serves: every valid scene of kind "twin" in the scenes folder, by park id.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyBaseLogger } from 'fastify'
import type { TwinContent } from '../../schema/kinds/twin'
import { validateSceneText } from '../../schema/scene-validation'
import { listSceneIds } from '../scenes/scene-folder'

export function loadTwinParks(scenesDir: string, log: FastifyBaseLogger): Map<string, TwinContent> {
  const parks = new Map<string, TwinContent>()
  for (const id of listSceneIds(scenesDir)) {
    let text: string
    try {
      text = readFileSync(join(scenesDir, id, 'scene.json'), 'utf8')
    } catch {
      continue
    }
    if (!text.includes('"twin"')) continue
    const result = validateSceneText(text, id)
    if (!result.ok) {
      log.warn({ scene: id }, 'twin: scene does not validate; its park is not simulated')
      continue
    }
    if (result.scene.kind !== 'twin') continue
    const twin = result.scene.twin
    if (parks.has(twin.parkId))
      log.warn({ scene: id, parkId: twin.parkId }, 'twin: park id used twice; keeping the first')
    else parks.set(twin.parkId, twin)
  }
  return parks
}
