// The app: DOM pages for desktop and touch (lobby, scene bar, error pages, diagnostics) over one
// lazily loaded 3D stage. The lobby is usable before three.js has even arrived.
import { lazy, Suspense, useEffect } from 'react'
import { useVisitAnalytics } from '../platform/analytics'
import { KioskScreen } from '../platform/kiosk/KioskScreen'
import { useKiosk } from '../platform/kiosk/kiosk-state'
import { useKioskMode } from '../platform/kiosk/use-kiosk-mode'
import { beginSceneLoad, cancelSceneLoad, installFetchTracking } from '../platform/loading/load-progress'
import { SceneLoader } from '../platform/loading/SceneLoader'
import { registerOffline, UpdatePrompt } from '../platform/offline'
import { OnboardingOverlay } from '../platform/onboarding/OnboardingOverlay'
import { findEntry, useSceneCatalog } from '../platform/scenes/scene-catalog'
import { useRoute } from '../platform/url/route-store'
import { useVenuePresence, VenueNotice } from '../platform/venue'
import { installVisitLifecycle } from '../platform/visit'
import { LobbyPage } from './LobbyPage'
import { SceneOverlay } from './SceneOverlay'
import { StageErrorBoundary } from './StageErrorBoundary'

// Before anything fetches: a scene's downloads show in its loader.
installFetchTracking()

const Stage = lazy(() => import('./Stage'))
const DiagnosticsPage = lazy(() => import('./DiagnosticsPage'))
const OperatorPage = lazy(() => import('./OperatorPage'))
const SpectatorPage = lazy(() => import('./SpectatorPage'))

export function App() {
  const scene = useRoute((s) => s.scene)
  const diag = useRoute((s) => s.diag)
  const operator = useRoute((s) => s.operator)
  // The booth's big screen shows another device's visitor: it is staff's page, not a visitor's.
  const spectate = useRoute((s) => s.spectate !== null)
  const load = useSceneCatalog((s) => s.load)
  // A missing or broken scene shows its error page instead of a loader that would never end.
  const sceneFailed = useSceneCatalog(
    (s) =>
      s.status === 'failed' ||
      (s.status === 'ready' && !!scene && findEntry(s.entries, scene)?.status !== 'ok'),
  )
  useKioskMode()
  // Pages that run the lobby or a scene are venue devices; the staff's own pages are not.
  useVenuePresence(!diag && !operator && !spectate)
  // The attract loop shows scenes without their page chrome or first-time help.
  const attract = useKiosk((k) => k.phase === 'attract')
  // Visitors' pages report anonymous analytics; staff pages and the attract loop (nobody chose it) do not.
  useVisitAnalytics(!diag && !operator && !attract && !spectate)
  // A scene's loading run starts with its first render, before its catalog entry is fetched.
  useEffect(() => {
    if (scene) beginSceneLoad(scene)
    else cancelSceneLoad()
  }, [scene])
  useEffect(() => installVisitLifecycle(), [])
  useEffect(() => void registerOffline(), [])
  useEffect(() => {
    void load()
  }, [load])
  // The page's language follows the route's however it changed (a kiosk's reset sets it without setLang).
  const lang = useRoute((s) => s.lang)
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en'
  }, [lang])

  if (operator) {
    return (
      <Suspense fallback={null}>
        <OperatorPage />
      </Suspense>
    )
  }
  if (spectate) {
    return (
      <div className="is-spectator">
        <StageErrorBoundary>
          <Suspense fallback={null}>
            <Stage />
          </Suspense>
        </StageErrorBoundary>
        {scene && !sceneFailed && <SceneLoader />}
        <Suspense fallback={null}>
          <SpectatorPage />
        </Suspense>
      </div>
    )
  }
  if (diag) {
    return (
      <Suspense fallback={null}>
        <DiagnosticsPage />
      </Suspense>
    )
  }
  return (
    <>
      <StageErrorBoundary>
        <Suspense fallback={null}>
          <Stage />
        </Suspense>
      </StageErrorBoundary>
      {scene ? !attract && <SceneOverlay sceneId={scene} /> : <LobbyPage />}
      {scene && !sceneFailed && <SceneLoader />}
      {/* Last, so it sits above the scene bar and the loader (the scene bar makes its own stacking context). */}
      {scene && !sceneFailed && !attract && <OnboardingOverlay />}
      <UpdatePrompt />
      <VenueNotice />
      <KioskScreen />
    </>
  )
}
