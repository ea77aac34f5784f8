// Entry of the "twin" kind: a park on live MQTT data. It builds the runtime for the scene, opens the
// data source (server broker, external broker or in-browser simulation), offers the debug view, and
// renders the per-frame driver, the park and the visitor's control panels. In AR the same park is a
// 1:200 tabletop miniature placed in the visitor's room, with the same panels and controls.
import { useEffect, useMemo } from 'react'
import { ARPlacement, footprintOfFloors, useInAR } from '../../platform/ar'
import { registerViewMirror } from '../../platform/spectate'
import { useRoute } from '../../platform/url'
import type { SceneOfKind } from '../../schema/scene-schema'
import { openParkSource } from './api'
import { registerTwinDebugView } from './debug'
import { playAlertSound } from './logic/alert-sound'
import { TwinRuntime } from './logic/twin-runtime'
import { resetTwinAccess } from './twin-access'
import { twinMirror } from './twin-mirror'
import { persistTwin, resetTwinUi, restoreTwin, setDataSource } from './twin-store'
import { ParkView } from './views/ParkView'
import { TwinHud } from './views/TwinHud'
import { TwinTicker } from './views/TwinTicker'
import { TwinRuntimeContext } from './views/twin-context'

export default function TwinExperience({ scene }: { scene: SceneOfKind<'twin'> }) {
  const twin = scene.twin
  const mqttOverride = useRoute((s) => s.mqtt)
  const runtime = useMemo(() => new TwinRuntime(twin), [twin])

  useEffect(() => {
    resetTwinUi()
    resetTwinAccess()
    void restoreTwin(runtime, twin)
    const stopPersisting = persistTwin(runtime)
    runtime.onAlert = (e) => playAlertSound(e.alert.severity)
    let cancelled = false
    void openParkSource(twin, mqttOverride).then((source) => {
      if (cancelled) return source.close()
      runtime.attach(source)
      setDataSource(source.kind, source.label)
    })
    const unregister = registerTwinDebugView(runtime, twin)
    return () => {
      cancelled = true
      stopPersisting()
      unregister()
      runtime.close()
    }
  }, [runtime, mqttOverride, twin])
  useEffect(() => registerViewMirror(twinMirror), [])
  const ar = useInAR()
  // The park's extent from its walkable area: the miniature's footprint on the table.
  const footprint = useMemo(() => footprintOfFloors(scene.floors), [scene.floors])

  return (
    <TwinRuntimeContext.Provider value={runtime}>
      <TwinTicker />
      {ar ? (
        <ARPlacement scale={AR_SCALE} footprint={footprint}>
          <ParkView twin={twin} />
        </ARPlacement>
      ) : (
        <ParkView twin={twin} />
      )}
      <TwinHud twin={twin} />
    </TwinRuntimeContext.Provider>
  )
}

/** The tabletop miniature's scale: a 100 m park becomes half a metre. */
const AR_SCALE = 1 / 200
