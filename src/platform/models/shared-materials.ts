// One material object per look, across every model file. The model builder gives each file the same few
// surface classes (matte, gloss, metal, ...), but each loaded file brings its own copies, and three sorts a
// frame's draws by material object: with copies, every draw re-uploads the whole material (colour, maps,
// lights, fog) after a switch. Shared, the draws of one look sit together and each pays only for its
// matrices. Code that changes a placement's material (the twin's alert tint) clones it first.
import type { Material, Mesh, Object3D, SkinnedMesh, Texture } from 'three'
import { isPaletteTexture } from '../../shared/model-palette'

// Identity and bookkeeping, not look. The reflection map is lent to every glossy material by the scene
// (lendReflections) after loading, so a file loaded later still matches one that has it already. userData
// stays in: code may read it (the look debug view reads a surface texture's name there).
const IGNORED = new Set(['uuid', 'id', 'name', 'version', '_listeners', 'envMap'])

/** A string that is equal for two materials exactly when they draw the same. */
export function materialLook(material: Material): string {
  const parts: string[] = [material.type]
  for (const [key, value] of Object.entries(material)) {
    if (IGNORED.has(key) || typeof value === 'function') continue
    if (value === null || typeof value !== 'object') parts.push(`${key}=${String(value)}`)
    else if ((value as Texture).isTexture) parts.push(`${key}=${textureLook(value as Texture)}`)
    // Colours, vectors, Euler angles: their exact components.
    else if (typeof (value as { toArray?: unknown }).toArray === 'function')
      parts.push(`${key}=${(value as { toArray(): number[] }).toArray().join(',')}`)
    else parts.push(`${key}=${JSON.stringify(value)}`)
  }
  return parts.join(';')
}

/**
 * A texture is its own object: two files' textures are never the same look, except the model builder's
 * roughness-metalness palettes, whose name lists their texels (`palette 0.15/0.3,0.4/0.7`): the office's and
 * the factory's glazing and fittings are one look from two files.
 */
function textureLook(texture: Texture): string {
  if (!isPaletteTexture(texture.name)) return texture.uuid
  const { name, channel, minFilter, magFilter, wrapS, wrapT } = texture
  return `${name}|${channel}|${minFilter}|${magFilter}|${wrapS}|${wrapT}`
}

const byLook = new Map<string, Material>()

/**
 * Points every mesh under a loaded file's `root` at the page's one material for its look. Run once per
 * file, before any placement is cloned from it.
 */
export function shareMaterials(root: Object3D): void {
  root.traverse((object) => {
    const mesh = object as Mesh
    if (!mesh.isMesh) return
    // three compiles a skinned or instanced draw of a material as another program, and looks the program up
    // anew (a costly cache key) each time consecutive draws of one material switch between them.
    const variant = (mesh as SkinnedMesh).isSkinnedMesh ? '|skinned' : ''
    const one = (material: Material) => {
      const look = materialLook(material) + variant
      const known = byLook.get(look)
      if (known) return known
      byLook.set(look, material)
      return material
    }
    mesh.material = Array.isArray(mesh.material) ? mesh.material.map(one) : one(mesh.material)
  })
}

const forInstances = new WeakMap<Material, Material>()

/**
 * The page's one copy of `material` for instanced draws (see `variant` above): the trees and the buildings
 * share a matte look, and sharing its object too would switch programs between them every frame.
 */
export function instancedMaterial(material: Material): Material {
  let copy = forInstances.get(material)
  if (!copy) {
    copy = material.clone()
    forInstances.set(material, copy)
  }
  return copy
}
