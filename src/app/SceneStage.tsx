// The 3D side of an open scene: its environment, then its kind's experience. A scene that is still
// loading, missing or broken shows a 3D message too, so a headset visitor is never left in the dark.
import { Component, type ReactNode, Suspense, useEffect } from 'react'
import { trackError } from '../platform/analytics'
import { clearVoicedLines, loadVoicedLines } from '../platform/audio/voiced-lines'
import { testHooks } from '../platform/debug/test-hooks'
import { SceneEnvironment } from '../platform/environment/SceneEnvironment'
import { useUiText } from '../platform/i18n/i18n'
import { sceneMounted } from '../platform/loading/load-progress'
import { setPlayerSpawn, teleportPlayer } from '../platform/locomotion/player'
import { ReleaseGeometryOnClose } from '../platform/render'
import { findEntry, useSceneCatalog } from '../platform/scenes/scene-catalog'
import { Button } from '../platform/ui/Button'
import { Panel } from '../platform/ui/Panel'
import { UiText } from '../platform/ui/UiText'
import { useRoute } from '../platform/url/route-store'
import { setSceneLargeText } from '../platform/visit'
import type { Scene } from '../schema/scene-schema'
import { kindRegistry } from './kind-registry'

export function SceneStage({ sceneId }: { sceneId: string }) {
  const catalog = useSceneCatalog()
  const t = useUiText()
  const entry = findEntry(catalog.entries, sceneId)
  if (catalog.status !== 'ready') return <Message title={t('loading')} />
  if (!entry) return <Message title={t('sceneNotFound')} detail={t('sceneNotFoundDetail', { id: sceneId })} />
  if (entry.status === 'invalid')
    return <Message title={t('sceneBroken')} detail={entry.problems[0]?.message} />
  if (entry.status === 'unreachable') return <Message title={t('loadFailed')} detail={entry.message} />
  return <LoadedScene key={entry.id} scene={entry.scene} />
}

function LoadedScene({ scene }: { scene: Scene }) {
  useEffect(() => {
    teleportPlayer(scene.spawn.position, scene.spawn.yaw)
    setPlayerSpawn(scene.spawn.position, scene.spawn.yaw)
    testHooks.sceneId = scene.id
    void loadVoicedLines(scene.id)
    return () => {
      clearVoicedLines()
      testHooks.ready = false
      testHooks.sceneId = undefined
      // What a scene asked for while open (the hall's elderly mode) ends with it.
      setSceneLargeText(false)
    }
  }, [scene])
  const Experience = kindRegistry[scene.kind] as (props: { scene: Scene }) => ReactNode
  return (
    <>
      {/* Outside the sweep's group: its fog attaches to the scene itself. */}
      <SceneEnvironment environment={scene.environment} floors={scene.floors} models={scene.models} />
      <ReleaseGeometryOnClose>
        <KindErrorBoundary sceneId={scene.id}>
          <Suspense fallback={null}>
            <Experience scene={scene} />
            <MountedSignal sceneId={scene.id} />
          </Suspense>
        </KindErrorBoundary>
      </ReleaseGeometryOnClose>
    </>
  )
}

/**
 * Commits only once the kind's chunk has arrived and it has rendered, with what it suspends on (its
 * surface textures, transcoded in a worker): the scene's loader may end then, and the scene is ready.
 * (Set when LoadedScene commits, `ready` came before a wall whose texture was still loading existed.)
 */
function MountedSignal({ sceneId }: { sceneId: string }) {
  useEffect(() => sceneShown(sceneId), [sceneId])
  return null
}

function sceneShown(sceneId: string): void {
  sceneMounted(sceneId)
  testHooks.ready = true
}

/** A kind that throws shows a 3D error panel instead of taking the whole app down. */
class KindErrorBoundary extends Component<{ sceneId: string; children: ReactNode }, { error?: Error }> {
  state: { error?: Error } = {}
  static getDerivedStateFromError(error: Error) {
    return { error }
  }
  componentDidCatch(error: Error) {
    console.error(`Scene "${this.props.sceneId}" failed:`, error)
    trackError('scene-crashed')
    sceneShown(this.props.sceneId)
  }
  render() {
    if (this.state.error) return <Message title="⚠" detail={this.state.error.message} />
    return this.props.children
  }
}

function Message({ title, detail }: { title: string; detail?: string }) {
  const navigate = useRoute((s) => s.navigate)
  const t = useUiText()
  return (
    <group position={[0, 1.5, -1.6]} name="stage-message">
      <Panel width={1.2} height={0.6}>
        <UiText text={title} fontSize={0.06} position={[0, 0.17, 0]} />
        {detail && <UiText text={detail} fontSize={0.035} maxWidth={1.05} position={[0, 0.03, 0]} />}
        <Button
          label={t('backToLobby')}
          width={0.4}
          position={[0, -0.18, 0.01]}
          variant="primary"
          onPress={() => navigate({ scene: undefined })}
          name="stage-message:back"
        />
      </Panel>
    </group>
  )
}
