// Finds the parks the server serves: every valid scene of kind "twin", by park id, read through the
// server's one SceneStore.
import type { FastifyBaseLogger } from 'fastify'
import type { TwinContent } from '../../schema/kinds/twin'
import type { SceneStore } from '../scenes/scene-store'

export function loadTwinParks(scenes: SceneStore, log: FastifyBaseLogger): Map<string, TwinContent> {
  const parks = new Map<string, TwinContent>()
  for (const id of scenes.ids()) {
    const read = scenes.read(id)
    if (!read.ok) {
      if (read.text?.includes('"twin"'))
        log.warn({ scene: id }, 'twin: scene does not validate; its park is not simulated')
      continue
    }
    if (read.scene.kind !== 'twin') continue
    const twin = read.scene.twin
    if (parks.has(twin.parkId))
      log.warn({ scene: id, parkId: twin.parkId }, 'twin: park id used twice; keeping the first')
    else parks.set(twin.parkId, twin)
  }
  return parks
}
