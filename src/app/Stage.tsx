// The 3D stage: one canvas that lives as long as the page (so an XR session survives switching
// scenes), holding the lobby or the open scene. Loaded after the DOM lobby, which stays usable first.
import { Canvas, useThree } from '@react-three/fiber'
import { noEvents, PointerEvents, useXR, XR } from '@react-three/xr'
import { lazy, Suspense, useEffect, useState } from 'react'
import { Vector3 } from 'three'
import { registerARDebugView } from '../platform/ar'
import { NarrationListener } from '../platform/audio/NarrationListener'
import { SubtitleBar } from '../platform/audio/SubtitleBar'
import { registerThree, testHooks } from '../platform/debug/test-hooks'
import { useFrameSegmentMarks, useFrameStage } from '../platform/frame'
import { installFastRaycast } from '../platform/input'
import { AttractCamera } from '../platform/kiosk/AttractCamera'
import { useKiosk } from '../platform/kiosk/kiosk-state'
import { LoadingPanel3D } from '../platform/loading/LoadingPanel3D'
import { trackThreeLoads } from '../platform/loading/track-three-loads'
import { PlayerRig } from '../platform/locomotion/PlayerRig'
import { XROnboardingHint } from '../platform/onboarding/XROnboardingHint'
import {
  DESKTOP_VFOV_DEG,
  graphicsDevice,
  sortOpaqueByProgram,
  uploadBonesOnlyWhenMoved,
} from '../platform/render'
import { configureFonts } from '../platform/ui/font'
import { useRoute } from '../platform/url/route-store'
import { VenueStageParts } from '../platform/venue'
import { useXRSession } from '../platform/xr/xr-session'
import { CLICK_THRESHOLD_MS, xrStore } from '../platform/xr/xr-store'
import { SceneStage } from './SceneStage'
import { XRLobby } from './XRLobby'
import { XRMenu } from './XRMenu'

configureFonts()
trackThreeLoads()
installFastRaycast()
uploadBonesOnlyWhenMoved()

// Only the booth's big screen follows another device's visitor; no visitor's page loads it.
const SpectatorStage = lazy(() =>
  import('../platform/spectate/SpectatorStage').then((m) => ({ default: m.SpectatorStage })),
)

export default function Stage() {
  // In a headset there is no DOM loader to paint first, and the page's own animation frames may be
  // paused for the immersive session: the switch is immediate there.
  const inXR = useXRSession((s) => s.mode !== null)
  // The kiosk's attract loop flies its own camera instead of the visitor's rig (never in a headset).
  const attract = useKiosk((k) => k.phase === 'attract') && !inXR
  const spectating = useRoute((s) => s.spectate !== null)
  const scene = useAfterPaint(
    useRoute((s) => s.scene),
    !inXR,
  )
  // `?renderScale=0.5` draws a fraction of the screen's pixels (a slow kiosk PC); an XR layer keeps its own.
  const renderScale = useRoute((s) => s.renderScale)
  const dpr: number | [number, number] = renderScale
    ? Math.min(window.devicePixelRatio || 1, 2) * renderScale
    : [1, 2]
  return (
    <Canvas
      events={noEvents}
      className="stage"
      camera={{ position: [0, 1.6, 0], fov: DESKTOP_VFOV_DEG, near: 0.05, far: 1000 }}
      gl={{ antialias: !graphicsDevice().software, powerPreference: 'high-performance' }}
      dpr={dpr}
      onCreated={({ gl }) => sortOpaqueByProgram(gl)}
    >
      <PointerEvents clickThresholdMs={CLICK_THRESHOLD_MS} />
      <XR store={xrStore}>
        <ThreeRegistration />
        {spectating ? (
          <Suspense fallback={null}>
            <SpectatorStage />
          </Suspense>
        ) : attract ? (
          <AttractCamera />
        ) : (
          <PlayerRig />
        )}
        {scene ? <SceneStage sceneId={scene} /> : <XRLobby />}
        <LoadingPanel3D />
        <XROnboardingHint />
        <SubtitleBar />
        <NarrationListener />
        <XRMenu />
        <VenueStageParts />
      </XR>
    </Canvas>
  )
}

/** Sessions already numbered: a session counts once even if this component mounts again during it. */
const numberedSessions = new WeakSet<XRSession>()

/** Hands the renderer to the test hooks and mirrors the XR mode for the DOM overlay. */
function ThreeRegistration() {
  const gl = useThree((s) => s.gl)
  const scene = useThree((s) => s.scene)
  const camera = useThree((s) => s.camera)
  const mode = useXR((s) => s.mode)
  useEffect(() => registerARDebugView(), [])
  useEffect(() => {
    registerThree({ gl, scene, camera })
    useXRSession.setState({ stageReady: true })
    return () => useXRSession.setState({ stageReady: false })
  }, [gl, scene, camera])
  const referenceSpace = useXR((s) => s.originReferenceSpace)
  const origin = useXR((s) => s.origin)
  useFrameStage('frameStart', () => testHooks.frameStarted())
  useFrameSegmentMarks(testHooks.segmentStarted)
  // Only in hand mode, and only for tests that poke: where the right index fingertip is.
  useFrameStage('probe', (_, __, frame: XRFrame | undefined) => {
    testHooks.frame++
    const hand =
      frame?.session.inputSources &&
      [...frame.session.inputSources].find((s) => s.hand && s.handedness === 'right')
    const tip = hand?.hand?.get('index-finger-tip')
    const pose = tip && referenceSpace && frame?.getJointPose?.(tip, referenceSpace)
    if (!pose) {
      testHooks.indexTip = null
      return
    }
    const p = pose.transform.position
    const world = origin ? origin.localToWorld(new Vector3(p.x, p.y, p.z)) : new Vector3(p.x, p.y, p.z)
    testHooks.indexTip = [world.x, world.y, world.z]
  })
  // The session's visibility, for the kiosk: a headset taken off hides its session.
  const session = useXR((s) => s.session)
  useEffect(() => {
    testHooks.xrMode = mode
    const started = session != null && !numberedSessions.has(session)
    if (started) numberedSessions.add(session)
    useXRSession.setState((s) => ({ mode, sessionNumber: s.sessionNumber + (started ? 1 : 0) }))
  }, [mode, session])
  useEffect(() => {
    if (!session) return useXRSession.setState({ visibility: null })
    const mirror = () => useXRSession.setState({ visibility: session.visibilityState })
    mirror()
    session.addEventListener('visibilitychange', mirror)
    return () => session.removeEventListener('visibilitychange', mirror)
  }, [session])
  return null
}

/**
 * `value`, changed only once the browser has painted since it changed (when `defer`). Opening a scene
 * starts heavy 3D work (its first frames compile shaders, seconds in software GL) inside the frame
 * callback; switching the stage a frame later lets the page paint the DOM scene loader first, so a
 * visitor never waits on a frozen lobby after a click.
 */
function useAfterPaint<T>(value: T, defer: boolean): T {
  const [painted, setPainted] = useState(value)
  useEffect(() => {
    if (Object.is(value, painted)) return
    if (!defer) {
      setPainted(value)
      return
    }
    // The first callback runs before the paint that shows the change, the second after it.
    let id = requestAnimationFrame(() => {
      id = requestAnimationFrame(() => setPainted(value))
    })
    return () => cancelAnimationFrame(id)
  }, [value, painted, defer])
  return defer ? painted : value
}
