// What glossy surfaces reflect: a small prefiltered (PMREM) environment made on the device
// (small-pmrem.ts), never downloaded (drei's presets fetch theirs from a CDN). Interiors reflect
// three's RoomEnvironment; exteriors reflect their own sky, ground and sun. Only metals and glossy
// materials get it: sampling the map on every lit pixel tripled a software-GL frame, and a matte wall
// shows nothing of it that the sky fill (sky-light.ts) does not already give.
import {
  BackSide,
  Color,
  type Material,
  Mesh,
  MeshBasicMaterial,
  type MeshStandardMaterial,
  type Object3D,
  Scene,
  ShaderMaterial,
  SphereGeometry,
  type Texture,
  type Vector3,
  type WebGLRenderer,
  type WebGLRenderTarget,
} from 'three'
import { RoomEnvironment } from 'three/examples/jsm/environments/RoomEnvironment.js'
import { create } from 'zustand'
import { prefilteredCube } from './small-pmrem'

export type ReflectionSource = 'room' | 'sky'

/** A material glossy enough that a reflection shows on it. */
export function isGlossy(material: Material): boolean {
  const m = material as MeshStandardMaterial
  if (!m.isMeshStandardMaterial) return false
  return m.metalness >= 0.3 || m.roughness <= 0.35
}

/** The scene's reflection map, once made; models lend it to their glossy materials. */
export const useReflections = create<{ map: Texture | null }>(() => ({ map: null }))

/** Gives `map` to every glossy material under `root` (and takes an old one back when it changes). */
export function lendReflections(root: Object3D, map: Texture | null): void {
  root.traverse((object) => {
    const mesh = object as Mesh
    if (!mesh.isMesh) return
    for (const material of ([] as Material[]).concat(mesh.material)) {
      if (!isGlossy(material)) continue
      const standard = material as MeshStandardMaterial
      if (standard.envMap === map) continue
      // Adding or removing a map changes the shader; swapping one map for another does not.
      if (!standard.envMap !== !map) standard.needsUpdate = true
      standard.envMap = map
    }
  })
}

export interface SkySceneColours {
  top: string
  bottom: string
  ground: string
  sun: { direction: Vector3; color: Color; intensity: number }
}

/**
 * Prefilters the room, or a small copy of the scene's sky with its ground and sun, once. Returns the
 * render target, not only its texture: the GPU texture belongs to the target, and disposing the
 * texture alone left one behind every time a scene closed.
 */
export function makeReflectionMap(
  gl: WebGLRenderer,
  source: ReflectionSource,
  /** Needed for `sky`; the room needs none. */
  sky?: SkySceneColours,
): WebGLRenderTarget {
  const scene = source === 'sky' && sky ? skyScene(sky) : new RoomEnvironment()
  // In a running XR session three renders every scene through the headset's camera, cube faces
  // included, unless XR is off for the call (as three's own CubeCamera does): a scene opened from
  // the VR lobby would reflect the visitor's view instead of its sky.
  const xrEnabled = gl.xr.enabled
  gl.xr.enabled = false
  let target: WebGLRenderTarget
  try {
    target = prefilteredCube(gl, scene)
  } finally {
    gl.xr.enabled = xrEnabled
  }
  scene.traverse((object) => {
    const mesh = object as Mesh
    if (!mesh.isMesh) return
    mesh.geometry.dispose()
    for (const material of ([] as Material[]).concat(mesh.material)) material.dispose()
  })
  return target
}

function skyScene(sky: SkySceneColours): Scene {
  const scene = new Scene()
  const dome = new Mesh(
    new SphereGeometry(10, 32, 16),
    new ShaderMaterial({
      side: BackSide,
      uniforms: {
        top: { value: new Color(sky.top) },
        bottom: { value: new Color(sky.bottom) },
        ground: { value: new Color(sky.ground) },
      },
      vertexShader:
        'varying vec3 p; void main(){ p = normalize(position); gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0); }',
      fragmentShader:
        'uniform vec3 top; uniform vec3 bottom; uniform vec3 ground; varying vec3 p; void main(){ vec3 c = p.y < 0.0 ? ground * 0.6 : mix(bottom, top, smoothstep(-0.05, 0.6, p.y)); gl_FragColor = vec4(c, 1.0); }',
    }),
  )
  scene.add(dome)
  // The sun as a small bright disc, so gold and brass catch a highlight from where the light comes.
  const sun = new Mesh(
    new SphereGeometry(0.5, 12, 8),
    new MeshBasicMaterial({ color: sky.sun.color.clone().multiplyScalar(4 * sky.sun.intensity) }),
  )
  sun.position.copy(sky.sun.direction).multiplyScalar(8)
  scene.add(sun)
  return scene
}
