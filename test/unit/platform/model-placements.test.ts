import { describe, expect, it } from 'vitest'
import { placementsByFile } from '../../../src/platform/models/model-placements'
import type { ModelPlacement } from '../../../src/schema/common'

const at = (id: string, src: string): ModelPlacement => ({
  id,
  src,
  position: [0, 0, 0],
  rotationY: 0,
  scale: 1,
})

describe('model placements', () => {
  it('groups the placements of one file, files in the order they first appear', () => {
    const groups = placementsByFile([
      at('tree-1', '/models/tree.glb'),
      at('monument', '/models/monument.glb'),
      at('tree-2', '/models/tree.glb'),
    ])
    expect(groups.map((g) => g.map((m) => m.id))).toEqual([['tree-1', 'tree-2'], ['monument']])
  })
})
