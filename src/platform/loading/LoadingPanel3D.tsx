// The loader inside the headset: a panel in front of the visitor, following the head, while the scene
// being entered loads (the DOM loader cannot be seen in VR). Shown only in an immersive session.
import { useLocalize } from '../i18n'
import { HeadFollow, Panel, UiText } from '../ui'
import { useXRSession } from '../xr'
import { formatBytes, useLoadProgress } from './load-progress'
import { loadingStrings } from './loading-strings'

const WIDTH = 0.7
const BAR = 0.56

export function LoadingPanel3D() {
  const mode = useXRSession((s) => s.mode)
  const p = useLoadProgress()
  const l = useLocalize()
  if (!mode || !p.active) return null
  const bytes =
    p.totalBytes > 0
      ? `${formatBytes(p.loadedBytes)} / ${formatBytes(p.totalBytes)}`
      : formatBytes(p.loadedBytes)
  const fill = (BAR * p.percent) / 100
  return (
    <HeadFollow distance={1.2} height={0} threshold={0.15} name="scene-loading-3d">
      <Panel width={WIDTH} height={0.3} name="scene-loading-3d:panel">
        <UiText text={l(loadingStrings.loadingScene)} fontSize={0.045} position={[0, 0.08, 0.01]} />
        <mesh position={[0, 0, 0.01]} raycast={() => null}>
          <planeGeometry args={[BAR, 0.025]} />
          <meshBasicMaterial color="#3a4150" />
        </mesh>
        {fill > 0 && (
          <mesh position={[-BAR / 2 + fill / 2, 0, 0.012]} raycast={() => null}>
            <planeGeometry args={[fill, 0.025]} />
            <meshBasicMaterial color="#4fa3ff" />
          </mesh>
        )}
        <UiText
          text={`${p.percent}% · ${bytes}`}
          fontSize={0.036}
          position={[0, -0.08, 0.01]}
          name="scene-loading-3d:text"
        />
      </Panel>
    </HeadFollow>
  )
}
