// Read-only view of the lighting pipeline for browser tests (`view('look')`), from what the renderer
// actually drew (its per-material state), not from what the app meant to set:
// - the sky fill and the sun are in the scene, with the tone mapping and exposure in force;
// - every glossy material drawn had the reflection map bound, and no matte one did;
// - the models' meshes carry the light their files declare baked into vertex colours;
// - textured model surfaces, and the floors, roads and lawns drawn with a surface texture, are sampled:
//   a KTX2 texture (compressed on the GPU), loaded and uploaded, the mesh has UVs, and the linked shader program has an active
//   `map` sampler (the GLSL compiler drops it when nothing samples it).
import type {
  BufferAttribute,
  CompressedTexture,
  HemisphereLight,
  Material,
  Mesh,
  MeshStandardMaterial,
  Scene,
  Texture,
  WebGLRenderer,
} from 'three'
import { BAKED_LIGHT_EXTRAS, isSelfLit } from '../../shared/baked-light'
import { registerDebugView, registeredThree } from '../debug/test-hooks'
import { SURFACE_TEXTURE_KEY } from '../render/surface-textures'
import { isGlossy } from './reflections'

export interface LookDebugView {
  /** Strength of the sky fill (a lit hemisphere light named sky-fill); 0 when there is none. */
  skyFill: number
  sunIntensity: number
  /** Unit vector toward the sun (from the light's position; its target is the origin). */
  sunDirection: [number, number, number]
  /** The scene fog's colour as sRGB hex, or null without fog. */
  fog: string | null
  exposure: number
  /** The stage's drawing buffer is multisampled (off on a software rasteriser only). */
  antialias: boolean
  /**
   * Shown 3D texts whose glyph distance fields the GPU draws, and those troika's JS workers compute
   * (all of them on a software rasteriser, UiText.tsx's glyphsOnGpu).
   */
  glyphFields: { gpu: number; workers: number }
  toneMapping: number
  outputColorSpace: string
  /** Glossy standard materials drawn, and how many of them had the reflection map bound. */
  glossyDrawn: number
  glossyReflecting: number
  /**
   * The reflection maps glossy materials were drawn with, as "face size × levels" (small-pmrem.ts:
   * "128×5"; three's own generator makes "256×6" and costs about 60 times the texture reads).
   */
  reflectionMaps: string[]
  /** Matte materials drawn with a reflection map anyway (each costs a map lookup per pixel). */
  matteReflecting: string[]
  /** Opaque, not self-lit model meshes (loaded glTF) drawn. */
  modelMeshes: number
  /** Of those, the ones whose file declares baked light and whose vertex colours carry it. */
  modelMeshesBaked: number
  /** Of those, the ones whose baked light visibly varies (occluded corners, shadowed sides). */
  modelMeshesShaded: number
  /** A few model meshes without baked light, by name. */
  unbaked: string[]
  /** Model files (their /models/… path) with a drawn mesh whose KTX2 texture is loaded, uploaded and sampled. */
  texturedFiles: string[]
  /**
   * Meshes drawn with a surface texture (the ground, the kinds' floors and roads: SurfaceMaterial), by
   * name, whose KTX2 texture is loaded, uploaded and sampled.
   */
  texturedSurfaces: string[]
  /** A few textured meshes (model or surface) not sampling their texture, each with what is missing. */
  textureProblems: string[]
  /**
   * Texture memory in bytes, estimated as the bench reports it, for every distinct texture the scene's
   * materials, uniforms, background and environment hold: a KTX2 texture's transcoded mip levels as they
   * are, any other width × height × 4 bytes (× 4/3 when mipmapped, × 6 for a cube).
   */
  textureBytes: number
  /**
   * Every drawn material's change count (three's `material.version`), by material: a count that grows from
   * one frame to the next means the renderer looks the material's program up again on every draw.
   */
  materialVersions: Record<string, number>
}

declare global {
  interface XrShowcaseDebugViews {
    look: LookDebugView
  }
}

/**
 * Vertex colours whose luminance varies by at least this share of their brightest carry light, not
 * just paint: a flat-painted part has one colour, a baked one shades from lit to occluded.
 */
const BAKED_SPREAD = 0.15

function lightSpread(colours: BufferAttribute): number {
  let lo = Number.POSITIVE_INFINITY
  let hi = Number.NEGATIVE_INFINITY
  const step = Math.max(1, Math.floor(colours.count / 2000))
  for (let i = 0; i < colours.count; i += step) {
    const l = 0.2126 * colours.getX(i) + 0.7152 * colours.getY(i) + 0.0722 * colours.getZ(i)
    lo = Math.min(lo, l)
    hi = Math.max(hi, l)
  }
  return hi > 0 ? (hi - lo) / hi : 0
}

export function registerLookDebugView(): void {
  registerDebugView('look', () => {
    const three = registeredThree()
    if (!three) throw new Error('the 3D stage has not registered its renderer yet')
    const { gl, scene } = three
    let skyFill = 0
    let sunIntensity = 0
    let sunDirection: [number, number, number] = [0, 0, 0]
    let glossyDrawn = 0
    let glossyReflecting = 0
    const reflectionMaps = new Set<string>()
    const matteReflecting: string[] = []
    let modelMeshes = 0
    let modelMeshesBaked = 0
    let modelMeshesShaded = 0
    const unbaked: string[] = []
    const texturedFiles = new Set<string>()
    const texturedSurfaces = new Set<string>()
    const textureProblems: string[] = []
    const materialVersions: Record<string, number> = {}
    const glyphFields = { gpu: 0, workers: 0 }
    scene.traverseVisible((object) => {
      // A text batch (troika's BatchedText, with addText) draws its members' glyphs and makes none of its own.
      const text = object as { text?: unknown; gpuAccelerateSDF?: boolean; addText?: unknown }
      if (typeof text.text === 'string' && typeof text.addText !== 'function')
        glyphFields[text.gpuAccelerateSDF ? 'gpu' : 'workers']++
      const fill = object as HemisphereLight
      if (fill.isHemisphereLight && object.name === 'sky-fill' && fill.color.getHex() !== 0)
        skyFill += fill.intensity
      if ((object as { isDirectionalLight?: boolean }).isDirectionalLight && object.name === 'sun') {
        sunIntensity = (object as unknown as { intensity: number }).intensity
        sunDirection = object.position.clone().normalize().toArray()
      }
      const mesh = object as Mesh
      if (!mesh.isMesh) return
      let drawnHere = false
      for (const material of ([] as Material[]).concat(mesh.material)) {
        const drawn = gl.properties.get(material) as { currentProgram?: unknown; envMap?: Texture | null }
        if (!drawn.currentProgram) continue
        drawnHere = true
        materialVersions[`${mesh.name || material.name || material.type}#${material.id}`] = material.version
        if (isGlossy(material)) {
          glossyDrawn++
          if (drawn.envMap) glossyReflecting++
          const levels = drawn.envMap?.mipmaps as Array<{ width: number }> | undefined
          if (levels?.length) reflectionMaps.add(`${levels[0].width}×${levels.length}`)
        } else if (drawn.envMap && matteReflecting.length < 5) {
          matteReflecting.push(mesh.name || material.name || material.type)
        }
      }
      if (!drawnHere) return
      const material = mesh.material as MeshStandardMaterial
      if (material.userData?.[SURFACE_TEXTURE_KEY]) {
        const missing = textureSampling(gl, mesh, material)
        if (missing.length === 0) texturedSurfaces.add(mesh.name)
        else if (textureProblems.length < 5) textureProblems.push(`${mesh.name}: ${missing.join(', ')}`)
      }
      if (!isFromModelFile(mesh)) return
      if (material.map) {
        const missing = textureSampling(gl, mesh, material)
        if (missing.length === 0) texturedFiles.add(mesh.geometry.userData.modelFile)
        else if (textureProblems.length < 5) textureProblems.push(`${mesh.name}: ${missing.join(', ')}`)
      }
      if (material.transparent || isSelfLit(material.emissive?.toArray())) return
      modelMeshes++
      const colours = mesh.geometry.getAttribute('color') as BufferAttribute | undefined
      if (
        mesh.geometry.userData.bakedLight === BAKED_LIGHT_EXTRAS.bakedLight &&
        colours &&
        material.vertexColors
      ) {
        modelMeshesBaked++
        if (lightSpread(colours) >= BAKED_SPREAD) modelMeshesShaded++
      } else if (unbaked.length < 5) unbaked.push(mesh.name)
    })
    return {
      skyFill,
      sunIntensity,
      sunDirection,
      fog: scene.fog ? `#${scene.fog.color.getHexString()}` : null,
      exposure: gl.toneMappingExposure,
      antialias: gl.getContextAttributes()?.antialias === true,
      glyphFields,
      toneMapping: gl.toneMapping,
      outputColorSpace: gl.outputColorSpace,
      glossyDrawn,
      glossyReflecting,
      reflectionMaps: [...reflectionMaps],
      matteReflecting,
      modelMeshes,
      modelMeshesBaked,
      modelMeshesShaded,
      unbaked,
      texturedFiles: [...texturedFiles].sort(),
      texturedSurfaces: [...texturedSurfaces].sort(),
      textureProblems,
      textureBytes: textureMemory(scene),
      materialVersions,
    }
  })
}

interface DrawnProgram {
  getUniforms(): { map: Record<string, unknown> }
}

/** What keeps a mesh's map from showing: no map, an unloaded image, no upload, no UVs, or a shader not sampling it. */
function textureSampling(gl: WebGLRenderer, mesh: Mesh, material: MeshStandardMaterial): string[] {
  const map = material.map
  if (!map) return ['no map']
  const missing: string[] = []
  // KTX2Loader hands back a CompressedTexture whatever it transcoded to; a PNG would be a plain Texture.
  if (!(map as CompressedTexture).isCompressedTexture) missing.push('not a KTX2 texture')
  const image = map.image as { width?: number } | null
  if (!image || !(image.width && image.width > 0)) missing.push('image not loaded')
  if (!(gl.properties.get(map) as { __webglTexture?: unknown }).__webglTexture) missing.push('not uploaded')
  if (!mesh.geometry.getAttribute('uv')) missing.push('no uv')
  const program = (gl.properties.get(material) as { currentProgram?: DrawnProgram }).currentProgram
  if (!program?.getUniforms().map.map) missing.push('shader does not sample the map')
  return missing
}

/** Set by the model loader on every geometry a glTF file brings (shared by its clones and instances). */
function isFromModelFile(mesh: Mesh): boolean {
  return typeof mesh.geometry.userData.modelFile === 'string'
}

/** See LookDebugView.textureBytes. */
function textureMemory(scene: Scene): number {
  const textures = new Set<Texture>()
  const collect = (value: unknown) => {
    if ((value as Texture | null)?.isTexture) textures.add(value as Texture)
  }
  collect(scene.background)
  collect(scene.environment)
  scene.traverse((object) => {
    const material = (object as Mesh).material
    if (!material) return
    for (const m of ([] as Material[]).concat(material)) {
      for (const value of Object.values(m)) collect(value)
      const uniforms = (m as { uniforms?: Record<string, { value: unknown }> }).uniforms
      for (const uniform of Object.values(uniforms ?? {})) collect(uniform?.value)
    }
  })
  let bytes = 0
  for (const texture of textures) {
    if ((texture as CompressedTexture).isCompressedTexture) {
      for (const level of texture.mipmaps as Array<{ data: ArrayBufferView }>) bytes += level.data.byteLength
      continue
    }
    const images = Array.isArray(texture.image) ? texture.image : [texture.image]
    const mipmapped = texture.generateMipmaps || texture.mipmaps.length > 0 ? 4 / 3 : 1
    for (const image of images as Array<{ width?: number; height?: number } | null>) {
      bytes += (image?.width ?? 0) * (image?.height ?? 0) * 4 * mipmapped
    }
  }
  return Math.round(bytes)
}
