// Loads a glTF from this server. Meshopt decoding is built in; Draco, if an author uses it, comes
// from our own /decoders/ copy instead of drei's default CDN.
import { useGLTF } from '@react-three/drei'
import { useMemo } from 'react'
import type { Vec3 } from '../../schema/common'

const DRACO_PATH = `${import.meta.env.BASE_URL}decoders/draco/`

export function useSceneModel(src: string) {
  return useGLTF(src, DRACO_PATH, true)
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
  // The same file may be placed several times; each placement needs its own object tree.
  const object = useMemo(() => gltf.scene.clone(true), [gltf.scene])
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
