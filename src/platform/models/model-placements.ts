// Which of a scene file's model placements can be drawn together: those of one file.
import type { ModelPlacement } from '../../schema/common'

/** Placements grouped by file, in the order each file first appears. */
export function placementsByFile(models: readonly ModelPlacement[]): ModelPlacement[][] {
  const groups = new Map<string, ModelPlacement[]>()
  for (const m of models) {
    const group = groups.get(m.src)
    if (group) group.push(m)
    else groups.set(m.src, [m])
  }
  return [...groups.values()]
}
