// The attract loop's camera, in place of the visitor's rig while the loop plays: each scene, once
// loaded, gets one slow crane shot (attract-path.ts), then the loop fades and opens the next scene.
// Only the camera moves; the scene renders as it does for a visitor, within the same budget.
import { useThree } from '@react-three/fiber'
import { useEffect, useRef } from 'react'
import { MathUtils, Vector3 } from 'three'
import { useFrameStage } from '../frame'
import { useLoadProgress } from '../loading/load-progress'
import { setHeadPosition, setHeadYaw, usePlayer } from '../locomotion/player'
import { setViewUiHidden } from '../ui/view-ui-visibility'
import { useRoute } from '../url/route-store'
import { type AttractPath, attractPath } from './attract-path'
import { nextAttractScene, type ShotStage, useKiosk } from './kiosk-state'

/** One scene's shot, once it has loaded. Slow: a booth's loop, not a trailer. */
export const SHOT_SECONDS = 16
/** The fade to black before the next scene. */
const FADE_SECONDS = 1.2
/** A scene that has not loaded by then is skipped. */
const LOAD_LIMIT_SECONDS = 40

const look = new Vector3()

export function AttractCamera() {
  const camera = useThree((s) => s.camera)
  const scene = useKiosk((s) => s.attractScene)
  const shots = useKiosk((s) => s.shots)
  // The shot's clock and path; the path is built once the scene's spawn is in the player store (the
  // scene sets it on mount). A new shot (scene or count) starts both afresh.
  const clock = useRef<{ shot: number; shown: number; waited: number; path: AttractPath | null }>({
    shot: -1,
    shown: 0,
    waited: 0,
    path: null,
  })

  // Menus and notices made for a visitor would float in the shot: hidden while the loop flies.
  useEffect(() => {
    setViewUiHidden(true)
    return () => setViewUiHidden(false)
  }, [])

  useFrameStage('locomotion', (_, delta) => {
    if (!scene) return
    const c = clock.current
    if (c.shot !== shots) Object.assign(c, { shot: shots, shown: 0, waited: 0, path: null })
    const step = Math.min(delta, 0.1)
    const load = useLoadProgress.getState()
    const loaded = useRoute.getState().scene === scene && load.sceneId === scene && !load.active
    if (!loaded) {
      c.waited += step
      if (c.waited > LOAD_LIMIT_SECONDS) nextAttractScene()
      return
    }
    if (!c.path) {
      const { spawn, floors } = usePlayer.getState()
      c.path = attractPath(spawn, floors, shots % 2 === 0 ? 1 : -1)
    }
    c.shown += step
    const t = c.shown / SHOT_SECONDS
    const shot = c.path.at(t)
    camera.position.set(...shot.position)
    camera.lookAt(look.set(...shot.target))
    setHeadPosition(camera.position)
    setHeadYaw(MathUtils.radToDeg(Math.atan2(-(look.x - camera.position.x), -(look.z - camera.position.z))))
    const stage: ShotStage = c.shown > SHOT_SECONDS - FADE_SECONDS ? 'ending' : 'showing'
    if (useKiosk.getState().shot !== stage) useKiosk.setState({ shot: stage })
    if (t >= 1) nextAttractScene()
  })
  return null
}
