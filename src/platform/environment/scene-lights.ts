// Scene lights are kept, one object per role, for the life of the page. three's renderer keeps every light's
// uniforms (a few Colors and Vector3s) in a cache keyed by the light's id for as long as the scene lives and
// never drops an entry (WebGLLights' UniformsCache): a light made afresh on each scene visit grew the kiosk's
// heap by 7 Colors and 6 Vector3s a cycle. The same light object, and so the same id, now serves every visit.
// Draw one with <primitive object={sceneLight('sun', DirectionalLight)} … /> and set every prop the role uses:
// the object keeps what the last scene gave it.
import type { Light } from 'three'

const lights = new Map<string, Light>()

/** The page's one light for `role`, made on first use. A role is mounted in one place at a time. */
export function sceneLight<T extends Light>(role: string, make: new () => T): T {
  let light = lights.get(role)
  if (!light) {
    light = new make()
    lights.set(role, light)
  } else if (!(light instanceof make)) throw new Error(`scene light "${role}" is not a ${make.name}`)
  return light as T
}
