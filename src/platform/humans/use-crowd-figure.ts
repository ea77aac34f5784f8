// Crowds of figures (a class's members, the hall's clerks): each figure its own humanoid, registered by key
// in the kind's figure map while it is shown, so the kind's one frame loop can animate the crowd through a
// CrowdTicker and its debug view can read it. A crowd that comes and goes (a class) adds figures one by
// one, each its own draw; a fixed crowd of one file (the hall's clerks) is made at once and drawn in one.
import { useEffect, useLayoutEffect, useMemo } from 'react'
import type { Object3D, SkinnedMesh } from 'three'
import { useSceneModel } from '../models'
import { type CrowdMesh, mergeCrowd } from './crowd-mesh'
import type { HumanoidAnimator } from './humanoid-animator'
import { createHumanoid, disposeHumanoid, useHumanoid } from './use-humanoid'

/** What every crowd figure holds; a kind's figure type adds its own fields. */
export interface CrowdFigure {
  animator: HumanoidAnimator
  /** Set by the renderer (onBeforeRender) when it draws the figure; the frame loop clears it. */
  drawn: boolean
}

/**
 * Loads `src` as this figure's own humanoid, in its idle pose from the first frame drawn (not the
 * model's rest pose), and keeps `make(animator)` in `figures` under `key` while mounted. `make` must
 * be stable (module level or memoised): a new one re-registers the figure.
 */
export function useCrowdFigure<F extends CrowdFigure>(
  src: string,
  seed: number,
  figures: Map<string, F>,
  key: string,
  make: (animator: HumanoidAnimator) => F,
): Object3D {
  const { object, animator } = useHumanoid(src, seed)
  useLayoutEffect(() => {
    const figure = make(animator)
    markDrawnWhenRendered(object, figure)
    animator.update({ delta: 0, lookAt: null, mouth: 0 })
    figures.set(key, figure)
    return () => {
      if (figures.get(key) === figure) figures.delete(key)
    }
  }, [object, animator, figures, key, make])
  return object
}

/**
 * A fixed crowd of one humanoid file (a hall's clerks) drawn in one call (crowd-mesh.ts): every figure its
 * own copy and animator, in its idle pose from the first frame, registered in `figures` under its key
 * while mounted, and marked drawn when the crowd's draw finds it in view. Returns each figure's object, to
 * place, and the crowd's mesh, to add once (null if the file's meshes cannot share a draw: each figure
 * then draws itself). `make`, `keys` and `seeds` must be stable (memoised), the lists the same length.
 */
export function useHumanoidCrowd<F extends CrowdFigure>(
  src: string,
  keys: readonly string[],
  seeds: readonly number[],
  figures: Map<string, F>,
  make: (animator: HumanoidAnimator) => F,
): { objects: Object3D[]; crowd: CrowdMesh | null } {
  const gltf = useSceneModel(src)
  const humanoids = useMemo(() => seeds.map((seed) => createHumanoid(gltf, seed)), [gltf, seeds])
  const made = useMemo(() => humanoids.map((h) => make(h.animator)), [humanoids, make])
  const crowd = useMemo(
    () =>
      mergeCrowd(
        humanoids.map((h) => h.object),
        (index) => {
          made[index]!.drawn = true
        },
      ),
    [humanoids, made],
  )
  useLayoutEffect(() => {
    humanoids.forEach(({ object, animator }, i) => {
      // Without a crowd each figure's own draw marks it seen.
      if (!crowd) markDrawnWhenRendered(object, made[i]!)
      animator.update({ delta: 0, lookAt: null, mouth: 0 })
      figures.set(keys[i]!, made[i]!)
    })
    return () => {
      keys.forEach((key, i) => {
        if (figures.get(key) === made[i]) figures.delete(key)
      })
    }
  }, [humanoids, made, crowd, figures, keys])
  useEffect(
    () => () => {
      crowd?.dispose()
      for (const h of humanoids) disposeHumanoid(h)
    },
    [humanoids, crowd],
  )
  return { objects: humanoids.map((h) => h.object), crowd }
}

function markDrawnWhenRendered(object: Object3D, figure: CrowdFigure): void {
  const drawn = () => {
    figure.drawn = true
  }
  object.traverse((o) => {
    if ((o as SkinnedMesh).isSkinnedMesh) o.onBeforeRender = drawn
  })
}
