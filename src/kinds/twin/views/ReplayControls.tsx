// History replay controls inside the status bar: the day as a track to click (seek), its playhead,
// play/pause, back to live, and the speed (1×, 10×, 60×).
import type { ThreeEvent } from '@react-three/fiber'
import { useRef } from 'react'
import type { Mesh } from 'three'
import { useFrameStage } from '../../../platform/frame'
import { localize, useLang } from '../../../platform/i18n'
import { Button } from '../../../platform/ui'
import { HUD_TEXT } from '../logic/hud-plan'
import { seekReplayTo, setReplaySpeed, stopReplay, toggleReplayPlay, useTwinUi } from '../twin-store'
import { twinStrings } from '../twin-strings'
import { useTwinRuntime } from './twin-context'

const TRACK_W = 0.7

export function ReplayControls() {
  const runtime = useTwinRuntime()
  const lang = useLang()
  const replay = useTwinUi((s) => s.replay)
  const head = useRef<Mesh>(null)
  // The playhead moves every frame while playing (smooth at 60×); a paused clock costs one comparison.
  const drawnAt = useRef(Number.NaN)
  useFrameStage('uiFollow', () => {
    const r = runtime.replay
    if (!r || !head.current || r.t === drawnAt.current) return
    drawnAt.current = r.t
    const f = (r.t - r.history.from) / Math.max(1, r.history.to - r.history.from)
    head.current.position.x = -TRACK_W / 2 + f * TRACK_W
  })
  const seek = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation()
    const local = e.object.worldToLocal(e.point.clone())
    seekReplayTo(runtime, (local.x + TRACK_W / 2) / TRACK_W)
  }
  return (
    <group position={[0, -0.05, 0.005]}>
      <group position={[-0.2, 0.04, 0]}>
        <mesh onClick={seek} name="twin-replay:track">
          <planeGeometry args={[TRACK_W, 0.04]} />
          <meshBasicMaterial color="#4e6177" toneMapped={false} />
        </mesh>
        {/* The track's ends, for tests and tools that seek to a fraction of the day. */}
        <object3D name="twin-replay:track-start" position={[-TRACK_W / 2, 0, 0]} />
        <object3D name="twin-replay:track-end" position={[TRACK_W / 2, 0, 0]} />
        <mesh ref={head} position={[-TRACK_W / 2, 0, 0.003]}>
          <planeGeometry args={[0.012, 0.06]} />
          <meshBasicMaterial color="#ffd166" toneMapped={false} />
        </mesh>
      </group>
      <Button
        label={localize(replay.playing ? twinStrings.pause : twinStrings.play, lang)}
        width={0.17}
        height={0.07}
        fontSize={HUD_TEXT.body}
        position={[0.29, 0.04, 0]}
        onPress={() => toggleReplayPlay(runtime)}
        name="twin-replay:play"
      />
      <Button
        label={localize(twinStrings.backToLive, lang)}
        width={0.3}
        height={0.07}
        fontSize={HUD_TEXT.body}
        position={[0.54, 0.04, 0]}
        variant="primary"
        onPress={() => stopReplay(runtime)}
        name="twin-replay:live"
      />
      {[1, 10, 60].map((speed, i) => (
        <Button
          key={speed}
          label={`${speed}×`}
          width={0.13}
          height={0.065}
          fontSize={HUD_TEXT.body}
          position={[-0.5 + i * 0.16, -0.045, 0]}
          selected={replay.speed === speed}
          onPress={() => setReplaySpeed(runtime, speed)}
          name={`twin-replay:speed-${speed}`}
        />
      ))}
    </group>
  )
}
