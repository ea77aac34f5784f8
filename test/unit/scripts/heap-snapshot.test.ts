// The kiosk soak's heap snapshot reader: a census by object kind and the shortest strong retainer path.
import { describe, expect, it } from 'vitest'
import {
  groupPaths,
  type HeapSnapshotJson,
  heapCensus,
  parseHeapSnapshot,
  retainerPaths,
} from '../../../scripts/load/heap-snapshot'

const NODE_TYPES = [
  'hidden',
  'array',
  'string',
  'object',
  'code',
  'closure',
  'regexp',
  'number',
  'native',
  'synthetic',
]
const EDGE_TYPES = ['context', 'element', 'property', 'internal', 'hidden', 'shortcut', 'weak']

/** A snapshot from [type, name, id, size] nodes and [from, type, name, to] edges, in V8's flat layout. */
function snapshot(
  nodes: [string, string, number, number][],
  edges: [number, string, string | number, number][],
): HeapSnapshotJson {
  const strings: string[] = []
  const str = (s: string) => {
    const i = strings.indexOf(s)
    return i >= 0 ? i : strings.push(s) - 1
  }
  const flatNodes: number[] = []
  const flatEdges: number[] = []
  nodes.forEach(([type, name, id, size], index) => {
    const own = edges.filter((e) => e[0] === index)
    flatNodes.push(NODE_TYPES.indexOf(type), str(name), id, size, own.length)
    for (const [, edgeType, name, to] of own)
      flatEdges.push(EDGE_TYPES.indexOf(edgeType), typeof name === 'number' ? name : str(name), to * 5)
  })
  return {
    snapshot: {
      meta: {
        node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'],
        node_types: [NODE_TYPES],
        edge_fields: ['type', 'name_or_index', 'to_node'],
        edge_types: [EDGE_TYPES],
      },
    },
    nodes: flatNodes,
    edges: flatEdges,
    strings,
  }
}

const json = snapshot(
  [
    ['synthetic', '', 1, 0],
    ['object', 'Window', 3, 40],
    ['array', '', 5, 16],
    ['object', 'Color', 7, 28],
    ['object', 'Color', 9, 28],
    ['object', 'Material', 11, 100],
  ],
  [
    [0, 'shortcut', 'window', 1],
    [1, 'property', 'palette', 2],
    [2, 'element', 3, 3],
    [1, 'property', 'material', 5],
    [5, 'property', 'color', 3],
    [1, 'weak', 'cache', 4],
  ],
)

describe('heap snapshot reader', () => {
  it('counts live objects by kind, with their ids', () => {
    const census = heapCensus(parseHeapSnapshot(json))
    expect(census.get('object:Color')).toEqual({ count: 2, bytes: 56, ids: [7, 9] })
    expect(census.get('object:Window')?.count).toBe(1)
    expect([...census.keys()].some((k) => k.startsWith('array'))).toBe(false)
  })

  it('names the shortest strong path from the root, and says when only weak edges hold an object', () => {
    const parsed = parseHeapSnapshot(json)
    const [held, weak] = retainerPaths(parsed, new Set([3, 4]))
    expect(held).toEqual(['.window Window@3', '.palette (array)@5', '[3] Color@7'])
    expect(weak).toEqual(['Color@9 (no strong path)'])
  })
})

describe('groupPaths', () => {
  it('counts paths of one shape together, whatever their ids and indices', () => {
    const groups = groupPaths([
      ['.window Window@3', '.lights Object@8', '.17 Object@20', '.color Color@21'],
      ['.window Window@3', '.lights Object@8', '.18 Object@22', '.color Color@23'],
      ['.window Window@3', '.palette (array)@5', '[3] Color@7'],
    ])
    expect(groups.map((g) => g.count)).toEqual([2, 1])
    expect(groups[0]?.example).toEqual([
      '.window Window@3',
      '.lights Object@8',
      '.17 Object@20',
      '.color Color@21',
    ])
  })
})
