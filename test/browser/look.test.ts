// Issue 11, item 1: every scene renders with the one lighting pipeline: a prefiltered environment
// that the renderer actually binds to every lit material it draws (read from the renderer's own
// per-material state), ACES tone mapping into sRGB, and the exposure the scene file asks for. In XR
// too, where nothing else (no shadow maps, no post-processing) may replace it.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Scene } from '../../src/schema/scene-schema'
import { openAppPage, waitFor } from './harness'
import { browserAndServer } from './rig'
import { enterVR, waitForSceneReady } from './xr-input'

const rig = browserAndServer()
const ACES_FILMIC = 4

const exposureOf = (scene: string) =>
  (JSON.parse(readFileSync(`scenes/${scene}/scene.json`, 'utf8')) as Scene).environment.exposure ?? 1

describe('lighting pipeline', () => {
  for (const scene of ['red-tourism', 'gov-hall', 'twin-park', 'classroom']) {
    it(`${scene}: every lit material is drawn with the environment map, tone mapped at the scene's exposure`, async () => {
      const app = await openAppPage(rig.browser, rig.server.url, `/?scene=${scene}`)
      await waitForSceneReady(app.page, scene)
      const look = await waitFor(app.page, 'look', (l) => l.litMeshes > 0, {
        what: 'lit materials have been drawn',
      })
      expect(look.environment, 'the scene has its prefiltered environment').toBe(true)
      expect(look.withoutEnvironment, 'lit meshes drawn without the environment').toEqual([])
      expect(look.litByEnvironment).toBe(look.litMeshes)
      expect(look.toneMapping).toBe(ACES_FILMIC)
      expect(look.outputColorSpace).toBe('srgb')
      expect(look.exposure).toBeCloseTo(exposureOf(scene), 5)
      await app.context.close()
    })
  }

  it('holds in an emulated Quest 3 session', async () => {
    const app = await openAppPage(rig.browser, rig.server.url, '/?scene=red-tourism', {
      emulateQuest3: true,
      viewport: { width: 800, height: 450 },
    })
    await waitForSceneReady(app.page, 'red-tourism')
    await enterVR(app.page)
    const look = await waitFor(app.page, 'look', (l) => l.litMeshes > 0, {
      what: 'lit materials drawn in XR',
    })
    expect(look.environment).toBe(true)
    expect(look.litByEnvironment).toBe(look.litMeshes)
    await app.context.close()
  })
})
