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
import { shareMaterials } from './shared-materials'

const DRACO_PATH = `${import.meta.env.BASE_URL}decoders/draco/`

export function useSceneModel(src: string) {
  const ktx2 = useKtx2Loader()
  // drei's GLTFLoader is three-stdlib's port, typed against its own KTX2Loader; it only calls load() on it.
  const gltf = useGLTF(src, DRACO_PATH, true, (loader) =>
    loader.setKTX2Loader(ktx2 as unknown as Parameters<typeof loader.setKTX2Loader>[0]),
  )
  // Once per file, during render: before any placement clones the tree or copies its materials for
  // instancing, so every copy starts from the prepared file.
  prepareModelFile(gltf.scene, src)
  const reflections = useReflections((s) => s.map)
  // Clones share the file's materials, so the file's own tree reaches them all (InstancedModel lends its
  // copies the map itself).
  useLayoutEffect(() => {
    lendReflections(gltf.scene, reflections)
  }, [gltf.scene, reflections])
  return gltf
}

const prepared = new WeakSet<Object3D>()

/**
 * Tags each geometry with its file (so tools can tell a model's meshes from code-built ones), draws its
 * glass in one pass and points its meshes at the page's shared materials. Once per loaded file.
 */
function prepareModelFile(root: Object3D, src: string): void {
  if (prepared.has(root)) return
  prepared.add(root)
  root.traverse((object) => {
    const mesh = object as Mesh
    if (mesh.isMesh) mesh.geometry.userData.modelFile = src
  })
  drawGlassInOnePass(root)
  shareMaterials(root)
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
