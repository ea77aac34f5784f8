// One figure of a crowd (the hall's clerks, a class's members): its own humanoid, registered by key in
// the kind's figure map while it is shown, so the kind's one frame loop can animate the crowd through
// a CrowdTicker and its debug view can read it.
import { useLayoutEffect } from 'react'
import type { Object3D, SkinnedMesh } from 'three'
import type { HumanoidAnimator } from './humanoid-animator'
import { useHumanoid } from './use-humanoid'

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
    const drawn = () => {
      figure.drawn = true
    }
    object.traverse((o) => {
      if ((o as SkinnedMesh).isSkinnedMesh) o.onBeforeRender = drawn
    })
    animator.update({ delta: 0, lookAt: null, mouth: 0 })
    figures.set(key, figure)
    return () => {
      if (figures.get(key) === figure) figures.delete(key)
    }
  }, [object, animator, figures, key, make])
  return object
}
