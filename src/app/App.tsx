// The app: DOM pages for desktop and touch (lobby, scene bar, error pages, diagnostics) over one
// lazily loaded 3D stage. The lobby is usable before three.js has even arrived.
import { lazy, Suspense, useEffect } from 'react'
import { useKioskMode } from '../platform/kiosk/use-kiosk-mode'
import { useSceneCatalog } from '../platform/scenes/scene-catalog'
import { useRoute } from '../platform/url/route-store'
import { installVisitLifecycle } from '../platform/visit'
import { LobbyPage } from './LobbyPage'
import { SceneOverlay } from './SceneOverlay'
import { StageErrorBoundary } from './StageErrorBoundary'

const Stage = lazy(() => import('./Stage'))
const DiagnosticsPage = lazy(() => import('./DiagnosticsPage'))

export function App() {
  const scene = useRoute((s) => s.scene)
  const diag = useRoute((s) => s.diag)
  const load = useSceneCatalog((s) => s.load)
  useKioskMode()
  useEffect(() => installVisitLifecycle(), [])
  useEffect(() => {
    void load()
  }, [load])
  useEffect(() => {
    document.documentElement.lang = useRoute.getState().lang === 'zh' ? 'zh-CN' : 'en'
  }, [])

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
      {scene ? <SceneOverlay sceneId={scene} /> : <LobbyPage />}
    </>
  )
}
