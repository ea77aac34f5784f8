// The controller as the library draws it (rays, grab, teleport), with its model drawn in one call
// (one-draw-model.ts) instead of the library's six. The model component is the library's own
// XRControllerModel with that one step added.
import { createUpdateXRControllerVisuals, loadXRControllerModel, type XRControllerLayout } from '@pmndrs/xr'
import { DefaultXRController, useXRInputSourceStateContext, XRSpace } from '@react-three/xr'
import { Suspense, use, useMemo } from 'react'
import type { Object3D } from 'three'
import { useFrameStage } from '../frame'
import { whenGamepadChanged } from './controller-visuals'
import { NearFieldOrigin } from './NearFieldOrigin'
import { drawAsOneMesh, partsRoot } from './one-draw-model'
import { nearFieldPointerOptions, pointerOptions } from './pointer-options'

/**
 * One model per layout (per profile and hand), loaded once and kept, as the library keeps its own. A model
 * that fails to load is no model (the ray and grab still work) and is tried again the next time it is needed.
 */
const models = new WeakMap<XRControllerLayout, Promise<Object3D | null>>()
function modelFor(layout: XRControllerLayout): Promise<Object3D | null> {
  let model = models.get(layout)
  if (!model) {
    model = loadXRControllerModel(layout).then(
      (root) => {
        drawAsOneMesh(root, visibilityNodes(layout))
        // Never a pointer target: the pointer library's walk of the scene, every frame, skips the model.
        root.intersectChildren = false
        return root
      },
      (error: unknown) => {
        models.delete(layout)
        console.warn(`controller model ${layout.assetPath} did not load; drawing the ray only`, error)
        return null
      },
    )
    models.set(layout, model)
  }
  return model
}

export function AppController() {
  return (
    <>
      <DefaultXRController model={false} rayPointer={pointerOptions} grabPointer={nearFieldPointerOptions} />
      {/* The grab sphere sits at the grip: what its reach is measured from. */}
      <NearFieldOrigin space="grip-space" />
      <Suspense fallback={null}>
        <OneDrawControllerModel />
      </Suspense>
    </>
  )
}

function OneDrawControllerModel() {
  const state = useXRInputSourceStateContext('controller')
  const model = use(modelFor(state.layout))
  if (model) state.object = model
  const update = useMemo(
    () =>
      model
        ? whenGamepadChanged(
            createUpdateXRControllerVisuals(partsRoot(model), state.layout, state.gamepad),
            state.gamepad,
          )
        : () => undefined,
    [model, state.layout, state.gamepad],
  )
  // Moves the part nodes (now the merged mesh's bones) after the library read this frame's buttons, in a
  // frame where one changed.
  useFrameStage('input', update)
  if (!model) return null
  return (
    <XRSpace space="grip-space">
      <primitive object={model} />
    </XRSpace>
  )
}

/** Parts a profile shows or hides (a touchpad's dot) rather than moves: those keep their own draw. */
function visibilityNodes(layout: XRControllerLayout): Set<string> {
  const names = new Set<string>()
  for (const component of Object.values(layout.components))
    for (const response of Object.values(component.visualResponses))
      if (response.valueNodeProperty === 'visibility') names.add(response.valueNodeName)
  return names
}
