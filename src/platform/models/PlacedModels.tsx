// A scene file's model placements. Placements of one file are drawn together: a static model placed more
// than once (a park's trees) is one InstancedModel, a draw call per mesh for all its copies instead of one
// per copy. A skinned model (a digital human placed as scenery) keeps a clone per placement, each with its
// own skeleton to animate.
import { useMemo } from 'react'
import type { ModelPlacement } from '../../schema/common'
import { AssetBoundary } from './AssetBoundary'
import { InstancedModel } from './InstancedModel'
import { placementsByFile } from './model-placements'
import { SceneModel, useSceneModel } from './SceneModel'

export function PlacedModels({ models }: { models: readonly ModelPlacement[] }) {
  // Kept across renders: a new placement list would rebuild the instances.
  const groups = useMemo(() => placementsByFile(models), [models])
  return groups.map((group) => (
    <AssetBoundary key={group[0].id} asset={group[0].src}>
      <PlacementsOfOneFile placements={group} />
    </AssetBoundary>
  ))
}

function PlacementsOfOneFile({ placements }: { placements: ModelPlacement[] }) {
  const { src } = placements[0]
  const gltf = useSceneModel(src)
  const skinned = useMemo(() => {
    let found = false
    gltf.scene.traverse((o) => {
      if ((o as { isSkinnedMesh?: boolean }).isSkinnedMesh) found = true
    })
    return found
  }, [gltf.scene])
  if (placements.length > 1 && !skinned)
    return (
      <InstancedModel
        src={src}
        placements={placements}
        name={`models:${placements.map((p) => p.id).join(',')}`}
      />
    )
  return placements.map((m) => (
    <SceneModel
      key={m.id}
      src={m.src}
      position={m.position}
      rotationY={m.rotationY}
      scale={m.scale}
      name={`model:${m.id}`}
    />
  ))
}
