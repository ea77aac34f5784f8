// Reads a V8 heap snapshot (CDP HeapProfiler.takeHeapSnapshot's JSON) for the kiosk soak's --heap-diff:
// a census of live objects by kind, and the shortest strong path from the GC roots to chosen objects, so a
// leak names what holds it, not only what leaked.

export interface HeapSnapshotJson {
  snapshot: {
    meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] }
  }
  nodes: number[]
  edges: number[]
  strings: string[]
}

export interface HeapNode {
  index: number
  type: string
  name: string
  /** Stable across snapshots of one page: tells objects made since the baseline from older ones. */
  id: number
  selfSize: number
}

export interface HeapSnapshot {
  nodeCount: number
  node(index: number): HeapNode
  /** The node's outgoing edges: type, name (property or element index) and target node index. */
  edges(index: number): { type: string; name: string; to: number }[]
}

export function parseHeapSnapshot(json: HeapSnapshotJson): HeapSnapshot {
  const { meta } = json.snapshot
  const nf = meta.node_fields.length
  const ef = meta.edge_fields.length
  const nodeTypes = meta.node_types[0]
  const edgeTypes = meta.edge_types[0]
  const at = (field: string) => meta.node_fields.indexOf(field)
  const [typeAt, nameAt, idAt, sizeAt, countAt] = ['type', 'name', 'id', 'self_size', 'edge_count'].map(at)
  const edgeTypeAt = meta.edge_fields.indexOf('type')
  const edgeNameAt = meta.edge_fields.indexOf('name_or_index')
  const edgeToAt = meta.edge_fields.indexOf('to_node')
  const nodeCount = json.nodes.length / nf
  const firstEdge = new Uint32Array(nodeCount + 1)
  for (let i = 0; i < nodeCount; i++)
    firstEdge[i + 1] = (firstEdge[i] as number) + (json.nodes[i * nf + (countAt as number)] as number) * ef
  return {
    nodeCount,
    node(index) {
      const base = index * nf
      return {
        index,
        type: nodeTypes[json.nodes[base + (typeAt as number)] as number] as string,
        name: json.strings[json.nodes[base + (nameAt as number)] as number] ?? '',
        id: json.nodes[base + (idAt as number)] as number,
        selfSize: json.nodes[base + (sizeAt as number)] as number,
      }
    },
    edges(index) {
      const out: { type: string; name: string; to: number }[] = []
      for (let e = firstEdge[index] as number; e < (firstEdge[index + 1] as number); e += ef) {
        const type = edgeTypes[json.edges[e + edgeTypeAt] as number] as string
        const raw = json.edges[e + edgeNameAt] as number
        const name = type === 'element' || type === 'hidden' ? `[${raw}]` : (json.strings[raw] ?? '')
        out.push({ type, name, to: (json.edges[e + edgeToAt] as number) / nf })
      }
      return out
    },
  }
}

/** The key a census counts under: `object:Color`, `native:system / WeakArrayList`, `closure:onFrame`. */
export function censusKey(node: HeapNode): string | null {
  if (node.type !== 'object' && node.type !== 'closure' && node.type !== 'native') return null
  return `${node.type}:${node.name.slice(0, 80)}`
}

/** Self bytes per node type (object, closure, native, string, code, array, hidden…): where a heap's growth is. */
export function bytesByType(snapshot: HeapSnapshot): Map<string, number> {
  const bytes = new Map<string, number>()
  for (let i = 0; i < snapshot.nodeCount; i++) {
    const node = snapshot.node(i)
    bytes.set(node.type, (bytes.get(node.type) ?? 0) + node.selfSize)
  }
  return bytes
}

export function heapCensus(
  snapshot: HeapSnapshot,
): Map<string, { count: number; bytes: number; ids: number[] }> {
  const census = new Map<string, { count: number; bytes: number; ids: number[] }>()
  for (let i = 0; i < snapshot.nodeCount; i++) {
    const node = snapshot.node(i)
    const key = censusKey(node)
    if (!key) continue
    const entry = census.get(key) ?? { count: 0, bytes: 0, ids: [] }
    entry.count++
    entry.bytes += node.selfSize
    entry.ids.push(node.id)
    census.set(key, entry)
  }
  return census
}

/**
 * The shortest path of strong edges from the snapshot's root to each wanted node (weak edges do not keep
 * anything alive). Each path reads root first, one step a line: `.window Window@3`, `.palette (array)@5`, `[3] Color@7`.
 */
export function retainerPaths(
  snapshot: HeapSnapshot,
  wanted: ReadonlySet<number>,
  maxDepth = 40,
): string[][] {
  const parent = new Int32Array(snapshot.nodeCount).fill(-1)
  const via = new Array<string>(snapshot.nodeCount)
  const depth = new Uint16Array(snapshot.nodeCount)
  parent[0] = 0
  const paths = new Map<number, string[]>()
  let frontier = [0]
  while (frontier.length > 0 && paths.size < wanted.size) {
    const next: number[] = []
    for (const from of frontier) {
      if ((depth[from] as number) >= maxDepth) continue
      for (const edge of snapshot.edges(from)) {
        if (edge.type === 'weak' || parent[edge.to] !== -1) continue
        parent[edge.to] = from
        via[edge.to] = edge.name.startsWith('[') ? edge.name : `.${edge.name}`
        depth[edge.to] = (depth[from] as number) + 1
        next.push(edge.to)
        if (wanted.has(edge.to)) paths.set(edge.to, pathTo(snapshot, edge.to, parent, via))
      }
    }
    frontier = next
  }
  return [...wanted].map(
    (index) => paths.get(index) ?? [`${describe(snapshot.node(index))} (no strong path)`],
  )
}

function pathTo(snapshot: HeapSnapshot, index: number, parent: Int32Array, via: string[]): string[] {
  const steps: string[] = []
  for (let i = index; i !== 0; i = parent[i] as number)
    steps.unshift(`${via[i]} ${describe(snapshot.node(i))}`)
  return steps
}

function describe(node: HeapNode): string {
  const name = node.name.length > 60 ? `${node.name.slice(0, 60)}…` : node.name
  return `${name || `(${node.type})`}@${node.id}`
}

/**
 * Paths grouped by their shape (object ids and numeric keys left out), most common first: a few hundred new
 * objects come down to the two or three places that hold them, each with one example path.
 */
export function groupPaths(paths: string[][]): { count: number; shape: string; example: string[] }[] {
  const groups = new Map<string, { count: number; shape: string; example: string[] }>()
  for (const path of paths) {
    const shape = path.map((step) => step.replace(/@\d+/g, '').replace(/\[\d+\]|^\.\d+ /g, '[n] ')).join(' ')
    const group = groups.get(shape) ?? { count: 0, shape, example: path }
    group.count++
    groups.set(shape, group)
  }
  return [...groups.values()].sort((a, b) => b.count - a.count)
}
