// Draws one glTF at many placements as one InstancedMesh per mesh of the model, so ten service windows
// or three display cases cost as many draw calls as one. Loaded through the platform model loader.
import { useLayoutEffect, useMemo } from 'react'
import {
  type BufferGeometry,
  InstancedMesh,
  type Material,
  Matrix4,
  type Mesh,
  Quaternion,
  Vector3,
} from 'three'
import { lendReflections, useReflections } from '../environment/reflections'
import { useSceneModel } from './SceneModel'
import { instancedMaterial } from './shared-materials'

export interface Placement {
  position: [number, number, number]
  /** Degrees about +Y. */
  rotationY: number
  /** Uniform scale, 1 when absent. */
  scale?: number
}

export function InstancedModel({
  src,
  placements,
  name,
}: {
  src: string
  placements: Placement[]
  name: string
}) {
  const gltf = useSceneModel(src)
  const meshes = useMemo(() => {
    gltf.scene.updateMatrixWorld(true)
    const found: { geometry: BufferGeometry; material: Material | Material[]; local: Matrix4 }[] = []
    gltf.scene.traverse((o) => {
      const mesh = o as Mesh
      if (mesh.isMesh)
        found.push({
          geometry: mesh.geometry,
          material: Array.isArray(mesh.material)
            ? mesh.material.map(instancedMaterial)
            : instancedMaterial(mesh.material),
          local: mesh.matrixWorld.clone(),
        })
    })
    return found
  }, [gltf.scene])

  const instanced = useMemo(
    () =>
      meshes.map(({ geometry, material, local }) => {
        const im = new InstancedMesh(geometry, material, placements.length)
        const m = new Matrix4()
        placements.forEach((p, i) => {
          m.compose(
            new Vector3(...p.position),
            new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), (p.rotationY * Math.PI) / 180),
            new Vector3().setScalar(p.scale ?? 1),
          ).multiply(local)
          im.setMatrixAt(i, m)
        })
        im.instanceMatrix.needsUpdate = true
        im.computeBoundingSphere()
        return im
      }),
    [meshes, placements],
  )
  // The instanced copies of the file's materials reflect the scene as the file's own do.
  const reflections = useReflections((s) => s.map)
  useLayoutEffect(() => {
    for (const im of instanced) lendReflections(im, reflections)
  }, [instanced, reflections])
  useLayoutEffect(
    () => () => {
      for (const im of instanced) im.dispose()
    },
    [instanced],
  )
  return (
    <group name={name}>
      {instanced.map((im) => (
        <primitive key={im.uuid} object={im} />
      ))}
    </group>
  )
}
