// The DOM loader over the canvas while a scene loads: percent and bytes with a bar, so a visitor on
// slow Wi-Fi never looks at a blank canvas wondering whether anything is happening. It takes no
// pointer events: the scene bar (back, language) stays usable while the scene loads.
import { useLocalize } from '../i18n'
import { formatBytes, useLoadProgress } from './load-progress'
import { loadingStrings } from './loading-strings'
import './loading.css'

export function SceneLoader() {
  const p = useLoadProgress()
  const l = useLocalize()
  if (!p.active) return null
  const bytes =
    p.totalBytes > 0
      ? `${formatBytes(p.loadedBytes)} / ${formatBytes(p.totalBytes)}`
      : formatBytes(p.loadedBytes)
  return (
    <div className="scene-loader" data-testid="scene-loader" data-percent={p.percent} aria-live="polite">
      <p className="scene-loader-title">{l(loadingStrings.loadingScene)}</p>
      <div
        className="scene-loader-bar"
        role="progressbar"
        aria-label={l(loadingStrings.loadingScene)}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={p.percent}
      >
        <div className="scene-loader-fill" style={{ width: `${p.percent}%` }} />
      </div>
      <p className="scene-loader-detail">
        <span className="scene-loader-percent">{p.percent}%</span> · {l(loadingStrings.loaded)} {bytes}
      </p>
    </div>
  )
}
