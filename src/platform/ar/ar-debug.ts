// The AR service's debug view for tests: the session's granted features, the placement, and what the
// stage draws around the presentation (sky, ground, fog, background must all be absent in AR).
import type { Object3D } from 'three'
import { Box3, Vector3 } from 'three'
import { registerDebugView, registeredThree } from '../debug'
import { useXRSession } from '../xr/xr-session'
import { type ARPlacementState, useARPlacement } from './ar-placement'
import { grantedARFeatures } from './ar-session'

/** Set by the 3D components: where the reticle is (world) and the placed group. */
export const arShown: {
  reticle: [number, number, number] | null
  root: Object3D | null
  /** Which light the room gives the presentation (ARRoomLight); null outside AR. */
  light: 'estimated' | 'neutral' | null
} = {
  reticle: null,
  root: null,
  light: null,
}

export interface ARDebugView {
  mode: XRSessionMode | null
  features: string[]
  placement: ARPlacementState
  reticle: [number, number, number] | null
  /** World position of the placed model's base, or null while placing. */
  placedAt: [number, number, number] | null
  /** The placed model's world bounds (min, max), or null while placing. */
  modelBox: [[number, number, number], [number, number, number]] | null
  /** The opaque surroundings the stage draws: each must be false in AR. */
  drawn: { sky: boolean; ground: boolean; fog: boolean; background: boolean; sceneModels: boolean }
  clearAlpha: number | null
  /** The room's light: the browser's estimate, or the neutral light where it has none. */
  light: 'estimated' | 'neutral' | null
  /** Whether the scene's own mood light (its sun and sky fill) is drawn: it must not be in AR. */
  sceneLight: boolean
}

declare global {
  interface XrShowcaseDebugViews {
    ar: ARDebugView
  }
}

const shown = (o: Object3D | undefined): boolean => {
  for (let x: Object3D | null | undefined = o; x; x = x.parent) if (!x.visible) return false
  return o !== undefined
}

export function registerARDebugView(): () => void {
  return registerDebugView('ar', () => {
    const three = registeredThree()
    const scene = three?.scene
    // The scene file's placed models (the memorial's halls, the hall's walls) are the VR surroundings.
    let sceneModels = false
    scene?.traverse((o) => {
      if (o.name.startsWith('model:') && shown(o)) sceneModels = true
    })
    const root = arShown.root
    const p = root?.getWorldPosition(new Vector3())
    return {
      mode: useXRSession.getState().mode,
      features: grantedARFeatures(three?.gl.xr.getSession()),
      placement: useARPlacement.getState(),
      reticle: arShown.reticle,
      placedAt: p ? [p.x, p.y, p.z] : null,
      modelBox: root ? boxOf(root) : null,
      drawn: {
        sky: shown(scene?.getObjectByName('sky')),
        ground: shown(scene?.getObjectByName('ground')),
        fog: scene?.fog != null,
        background: scene?.background != null,
        sceneModels,
      },
      clearAlpha: three ? three.gl.getClearAlpha() : null,
      light: arShown.light,
      sceneLight: shown(scene?.getObjectByName('sun')) || shown(scene?.getObjectByName('sky-fill')),
    }
  })
}

function boxOf(root: Object3D): [[number, number, number], [number, number, number]] {
  const { min, max } = new Box3().setFromObject(root)
  return [min.toArray(), max.toArray()]
}
