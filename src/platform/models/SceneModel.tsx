// Loads a glTF from this server. Meshopt decoding is built in; Draco, if an author uses it, and the
// KTX2 transcoder for embedded textures (KHR_texture_basisu) come from our own /decoders/ copies
// instead of drei's default CDN. Its glossy materials reflect the
// scene's environment (lent by the lighting pipeline; matte ones are lit by the sky fill alone).
import { useGLTF } from '@react-three/drei'
import { useEffect, useLayoutEffect, useMemo } from 'react'
import type { Mesh, Object3D } from 'three'
import type { Vec3 } from '../../schema/common'
import { lendReflections, useReflections } from '../environment/reflections'
import { useKtx2Loader } from '../render/ktx2-loader'
import { cloneModel, disposeModelClone } from './model-clone'
import { drawGlassInOnePass } from './one-pass-glass'

const DRACO_PATH = `${import.meta.env.BASE_URL}decoders/draco/`

export function useSceneModel(src: string) {
  const ktx2 = useKtx2Loader()
  // drei's GLTFLoader is three-stdlib's port, typed against its own KTX2Loader; it only calls load() on it.
  const gltf = useGLTF(src, DRACO_PATH, true, (loader) =>
    loader.setKTX2Loader(ktx2 as unknown as Parameters<typeof loader.setKTX2Loader>[0]),
  )
  const reflections = useReflections((s) => s.map)
  // Clones and instances share the file's materials and geometry, so the file's own tree reaches them all.
  useLayoutEffect(() => {
    markModelGeometry(gltf.scene, src)
    drawGlassInOnePass(gltf.scene)
    lendReflections(gltf.scene, reflections)
  }, [gltf.scene, src, reflections])
  return gltf
}

/** Tags each geometry with its file, so tools can tell a model's meshes from code-built ones. */
function markModelGeometry(root: Object3D, src: string): void {
  root.traverse((object) => {
    const mesh = object as Mesh
    if (mesh.isMesh) mesh.geometry.userData.modelFile = src
  })
}

export interface SceneModelProps {
  src: string
  position?: Vec3
  rotationY?: number
  scale?: number
  name?: string
}

export function SceneModel({ src, position, rotationY = 0, scale = 1, name }: SceneModelProps) {
  const gltf = useSceneModel(src)
  // The same file may be placed several times; each placement needs its own object tree. SkeletonUtils'
  // clone also gives a skinned model (a digital human placed as scenery) its own skeleton, where
  // Object3D.clone would leave every copy bound to the original's bones.
  const object = useMemo(() => cloneModel(gltf.scene), [gltf.scene])
  useEffect(() => () => disposeModelClone(object), [object])
  return (
    <primitive
      object={object}
      position={position}
      rotation-y={(rotationY * Math.PI) / 180}
      scale={scale}
      name={name}
    />
  )
}
