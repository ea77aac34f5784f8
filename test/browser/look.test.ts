// Issue 11, items 1 and 2: every scene renders through the one lighting pipeline, read from what the
// renderer actually drew (its per-material state, `view('look')`), in one page per scene:
// - the sky fill probe at the scene's strength and the sun are in the scene;
// - ACES filmic tone mapping into sRGB at the exposure the scene file asks for;
// - every glossy material was drawn with the reflection map bound, and no matte one was;
// - every opaque model mesh carries the light baked into its vertex colours at build time;
// - the big surfaces' models are textured, and so are the ground and the floors and roads the kinds draw;
//   each texture is sampled: image loaded and uploaded, UVs on the mesh, and the linked shader's `map`
//   sampler active (item 3).
// The XR case checks the same in an emulated Quest 3 session, where nothing else may stand in.
// The same page is each scene's load check: with the headset runtime installed, a few frames drawn, no
// console error and no request leaving this machine.
import { readFileSync } from 'node:fs'
import { Vector3 } from 'three'
import { describe, expect, it } from 'vitest'
import { sunAt } from '../../src/platform/environment/sky-light'
import { PMREM_MAX_LOD, PMREM_SIZE } from '../../src/platform/environment/small-pmrem'
import type { Scene } from '../../src/schema/scene-schema'
import { openAppPage, waitFor } from './harness'
import { browserAndServer } from './rig'
import { enterVR, frames, waitForSceneReady } from './xr-input'

const rig = browserAndServer()
const ACES_FILMIC = 4

/** Models whose big surfaces carry a generated texture (stone, marble, wood, fabric) and are in view at the spawn. */
const TEXTURED: Record<string, string[]> = {
  'red-tourism': ['/models/memorial-monument.glb'],
  'gov-hall': ['/models/hall-seat-row.glb', '/models/hall-service-window.glb'],
  'twin-park': ['/models/park-factory.glb'],
  classroom: ['/models/classroom-desk.glb'],
}

/** Floors, lawns and roads drawn with a surface texture (SurfaceMaterial), by mesh name. */
const TEXTURED_SURFACES: Record<string, string[]> = {
  'red-tourism': ['ground', 'tour-architecture:solid'],
  'gov-hall': ['ground', 'hall-shell'],
  'twin-park': ['ground', 'twin-roads'],
  classroom: ['ground'],
}

const environmentOf = (scene: string) =>
  (JSON.parse(readFileSync(`scenes/${scene}/scene.json`, 'utf8')) as Scene).environment

/** Materials drawn in both readings whose change count grew between them. */
function changedMaterials(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(after).filter((key) => before[key] !== undefined && after[key] !== before[key])
}

describe('lighting pipeline', () => {
  for (const scene of ['red-tourism', 'gov-hall', 'twin-park', 'classroom']) {
    it(`${scene}: loads clean, lit by its sky and sun, glossy surfaces reflect, models carry baked light`, async () => {
      const environment = environmentOf(scene)
      const app = await openAppPage(rig.browser, rig.server.url, `/?scene=${scene}`, { emulateQuest3: true })
      await waitForSceneReady(app.page, scene)
      const textured = TEXTURED[scene]
      const surfaces = TEXTURED_SURFACES[scene]
      const look = await waitFor(
        app.page,
        'look',
        (l) =>
          l.glossyDrawn > 0 &&
          l.modelMeshes > 0 &&
          textured.every((f) => l.texturedFiles.includes(f)) &&
          surfaces.every((m) => l.texturedSurfaces.includes(m)),
        {
          what: `glossy materials, model meshes, the textured ${[...textured, ...surfaces].join(', ')} drawn`,
        },
      )
      expect(look.texturedFiles, 'models whose texture is sampled').toEqual(expect.arrayContaining(textured))
      expect(look.texturedSurfaces, 'floors, lawns and roads whose texture is sampled').toEqual(
        expect.arrayContaining(surfaces),
      )
      expect(look.textureProblems, 'textured meshes not sampling their texture').toEqual([])
      expect(look.skyFill, 'sky fill at the scene file’s strength').toBeCloseTo(environment.lights.ambient, 5)
      expect(look.sunIntensity).toBe(environment.lights.sun.intensity)
      // The sun stands where the file puts it, or where the time of day does (the golden hour's low sun).
      const sun = environment.lights.sun.position
        ? new Vector3(...environment.lights.sun.position).normalize()
        : sunAt(environment.timeOfDay).direction
      expect(look.sunDirection.map((v) => v.toFixed(3))).toEqual(sun.toArray().map((v) => v.toFixed(3)))
      expect(look.fog, 'fog in the file’s colour').toBe(environment.fog?.color.toLowerCase() ?? null)
      expect(look.toneMapping).toBe(ACES_FILMIC)
      expect(look.outputColorSpace).toBe('srgb')
      // SwiftShader here: multisampling would cost every pixel four times on the CPU.
      expect(look.antialias, 'antialiasing on a software rasteriser').toBe(false)
      expect(look.glyphFields.workers, "texts whose glyphs troika's workers compute").toBeGreaterThan(0)
      expect(look.glyphFields.gpu, 'texts whose glyphs a software rasteriser draws').toBe(0)
      expect(look.exposure).toBeCloseTo(environment.exposure ?? 1, 5)
      expect(look.glossyReflecting, 'glossy materials drawn with the reflection map').toBe(look.glossyDrawn)
      expect(look.matteReflecting, 'matte materials drawn with a reflection map').toEqual([])
      // The small prefiltered map (small-pmrem.ts), not three's 256-texel one that took 2.5 s a scene here.
      expect(look.reflectionMaps, 'reflection maps: face size × levels').toEqual([
        `${PMREM_SIZE}×${PMREM_MAX_LOD + 1}`,
      ])
      expect(look.unbaked, 'model meshes without baked light').toEqual([])
      expect(look.modelMeshesBaked).toBe(look.modelMeshes)
      // Occlusion and shadow show: most meshes shade from lit to occluded (a lone roof may not).
      expect(look.modelMeshesShaded).toBeGreaterThanOrEqual(look.modelMeshes * 0.6)
      // Frames past the first, so errors of lazy parts (shaders compiled late, deferred models) are in.
      await frames(app.page, 8)
      expect((await app.page.evaluate(() => window.__xrShowcase.renderInfo()))?.calls).toBeGreaterThan(0)
      // No material is marked changed frame after frame: each mark makes three look its program up again
      // on every draw (the glass of the display cases and service windows did, drawn in two passes).
      const settled = await waitFor(app.page, 'look', () => true)
      await frames(app.page, 3)
      const later = await waitFor(app.page, 'look', () => true)
      expect(
        changedMaterials(settled.materialVersions, later.materialVersions),
        'materials marked changed every frame',
      ).toEqual([])
      // No material object is drawn with two programs in one frame (plain, instanced and skinned draws are
      // always different programs): three keeps one program per material and looks it up anew at each
      // switch between them (the classroom's instanced desks shared the teacher's desk's materials until
      // they were drawn by InstancedModel).
      const programs = new Map<number, Set<number>>()
      for (const d of await app.page.evaluate(() => window.__xrShowcase.nextRenderDraws()))
        programs.set(d.materialId, (programs.get(d.materialId) ?? new Set()).add(d.programId))
      const mixed = [...programs].filter(([, ids]) => ids.size > 1).map(([id, ids]) => `${id}: ${[...ids]}`)
      expect(mixed, 'materials drawn with more than one program').toEqual([])
      expect(app.consoleErrors).toEqual([])
      expect(app.offOriginRequests).toEqual([])
      await app.context.close()
    })
  }

  it('holds in an emulated Quest 3 session', async () => {
    const app = await openAppPage(rig.browser, rig.server.url, '/?scene=twin-park', {
      emulateQuest3: true,
    })
    await waitForSceneReady(app.page, 'twin-park')
    await enterVR(app.page)
    const look = await waitFor(
      app.page,
      'look',
      (l) =>
        l.glossyDrawn > 0 &&
        l.texturedFiles.includes('/models/park-factory.glb') &&
        TEXTURED_SURFACES['twin-park'].every((m) => l.texturedSurfaces.includes(m)),
      { what: 'glossy materials, the textured factory, ground and roads drawn in XR' },
    )
    expect(look.textureProblems).toEqual([])
    expect(look.skyFill).toBeGreaterThan(0)
    expect(look.glossyReflecting).toBe(look.glossyDrawn)
    expect(look.modelMeshesBaked).toBe(look.modelMeshes)
    expect(look.glyphFields.workers, "texts whose glyphs troika's workers compute, in XR").toBeGreaterThan(0)
    expect(look.glyphFields.gpu, 'texts whose glyphs a software rasteriser draws, in XR').toBe(0)
    await app.context.close()
  })
})
