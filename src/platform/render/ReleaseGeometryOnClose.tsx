// Frees the GPU buffers of every geometry under an open scene's kind when it closes. Views build geometry
// in useMemo and hand it to a mesh as a prop (merged walls, roads, outlines, batches), which R3F
// does not dispose on unmount, so each visit left its copies on the GPU. One sweep here serves
// every kind. A geometry that lives on (a glTF drei caches by URL, a module-level shape) keeps its
// arrays and is uploaded again when next drawn. Children attach to this group, not the scene, so
// what must attach to the scene (fog, background) stays outside it.
import { type ReactNode, useLayoutEffect, useRef } from 'react'
import type { BufferGeometry, Group, Mesh } from 'three'

export function ReleaseGeometryOnClose({ children }: { children: ReactNode }) {
  const root = useRef<Group>(null)
  // A layout cleanup runs before React removes the subtree's objects, so the tree is still whole.
  useLayoutEffect(() => {
    const group = root.current
    return () => {
      if (!group) return
      const geometries = new Set<BufferGeometry>()
      group.traverse((object) => {
        const geometry = (object as Mesh).geometry as BufferGeometry | undefined
        if (geometry?.isBufferGeometry) geometries.add(geometry)
      })
      for (const geometry of geometries) geometry.dispose()
    }
  }, [])
  return (
    <group ref={root} name="scene-root">
      {children}
    </group>
  )
}
