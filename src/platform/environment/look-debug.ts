// Read-only view of the lighting pipeline for browser tests (`view('look')`): whether the scene has its
// prefiltered environment, and whether the renderer actually drew each lit material with it bound
// (from the renderer's own per-material state, not from what the app meant to set).
import type { Material, Mesh, Texture } from 'three'
import { registerDebugView, registeredThree } from '../debug/test-hooks'

export interface LookDebugView {
  /** The scene's environment is a prefiltered (PMREM) texture. */
  environment: boolean
  exposure: number
  environmentIntensity: number
  toneMapping: number
  outputColorSpace: string
  /** Visible meshes with a lit material (standard, physical, Lambert) that have been drawn. */
  litMeshes: number
  /** Of those, the ones drawn with the environment map bound. */
  litByEnvironment: number
  /** A few lit meshes drawn without it, by name. */
  withoutEnvironment: string[]
}

declare global {
  interface XrShowcaseDebugViews {
    look: LookDebugView
  }
}

type LitMaterial = Material & { isMeshStandardMaterial?: boolean; isMeshLambertMaterial?: boolean }

export function registerLookDebugView(): void {
  registerDebugView('look', () => {
    const three = registeredThree()
    if (!three) throw new Error('the 3D stage has not registered its renderer yet')
    const { gl, scene } = three
    const environment = scene.environment as Texture | null
    let litMeshes = 0
    let litByEnvironment = 0
    const withoutEnvironment: string[] = []
    scene.traverseVisible((object) => {
      const mesh = object as Mesh
      if (!mesh.isMesh) return
      for (const material of ([] as Material[]).concat(mesh.material)) {
        const lit = material as LitMaterial
        if (!lit.isMeshStandardMaterial && !lit.isMeshLambertMaterial) continue
        const drawn = gl.properties.get(material) as { currentProgram?: unknown; envMap?: Texture | null }
        if (!drawn.currentProgram) continue
        litMeshes++
        if (drawn.envMap) litByEnvironment++
        else if (withoutEnvironment.length < 5) withoutEnvironment.push(mesh.name || material.type)
      }
    })
    return {
      environment: (environment as (Texture & { isPMREMTexture?: boolean }) | null)?.isPMREMTexture === true,
      exposure: gl.toneMappingExposure,
      environmentIntensity: scene.environmentIntensity,
      toneMapping: gl.toneMapping,
      outputColorSpace: gl.outputColorSpace,
      litMeshes,
      litByEnvironment,
      withoutEnvironment,
    }
  })
}
