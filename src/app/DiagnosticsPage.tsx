// /?diag=1: what conference staff need when a headset misbehaves — WebXR presence, secure context,
// session support, features, frame rates, live input sources and the app version.
import { useEffect, useState } from 'react'
import { useStore } from 'zustand'
import { AR_FEATURES, grantedARFeatures } from '../platform/ar/ar-session'
import { graphicsDevice } from '../platform/render'
import { useRoute } from '../platform/url/route-store'
import { xrStore } from '../platform/xr/xr-store'
import { useXRSupport } from '../platform/xr/xr-support'

export default function DiagnosticsPage() {
  const support = useXRSupport()
  const navigate = useRoute((s) => s.navigate)
  const session = useStore(xrStore, (s) => s.session)
  const inputs = useStore(xrStore, (s) => s.inputSourceStates)
  const fps = useFrameRate()
  const rows: [string, string][] = [
    ['App version', __APP_VERSION__],
    ['Secure context', yes(support.secureContext)],
    ['WebXR (navigator.xr)', yes(support.webxr)],
    ['immersive-vr', support.checked ? yes(support.vr) : '…'],
    ['immersive-ar', support.checked ? yes(support.ar) : '…'],
    ['Graphics', graphicsSummary()],
    ['Session', session ? `${session.visibilityState}` : 'none'],
    ['Enabled features', session?.enabledFeatures?.join(', ') ?? '—'],
    ['AR features', arFeatures(session)],
    [
      'Supported frame rates',
      session?.supportedFrameRates ? Array.from(session.supportedFrameRates).join(', ') : '—',
    ],
    [
      'Current frame rate',
      `${fps.toFixed(0)} fps${session?.frameRate ? ` (session ${session.frameRate})` : ''}`,
    ],
    ['User agent', navigator.userAgent],
  ]
  return (
    <main className="page diag" aria-labelledby="diag-title">
      <h1 id="diag-title">Device diagnostics / 设备诊断</h1>
      <table>
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td data-diag={k}>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Input sources</h2>
      <ul data-diag="inputs">
        {inputs.length === 0 && <li>none</li>}
        {inputs.map((s) => (
          <li key={s.id}>
            {s.type} · {s.inputSource.handedness} · {s.inputSource.profiles.join(', ')}
          </li>
        ))}
      </ul>
      <button type="button" className="btn" onClick={() => navigate({ diag: false })}>
        ← Lobby / 大厅
      </button>
    </main>
  )
}

function graphicsSummary(): string {
  const { renderer, software } = graphicsDevice()
  const name = renderer || 'unknown / 未知'
  return software ? `${name} (software: antialiasing off / 软件渲染，已关闭抗锯齿)` : name
}

/** What an AR session granted of what the AR presentations use, and what it did not. */
function arFeatures(session: XRSession | undefined): string {
  if (!session || session.environmentBlendMode === 'opaque') return '— (no AR session)'
  const granted = grantedARFeatures(session)
  const missing = AR_FEATURES.filter((f) => !granted.includes(f))
  return `${granted.join(', ') || 'none'}${missing.length ? ` · not granted: ${missing.join(', ')}` : ''}`
}

function yes(value: boolean): string {
  return value ? 'yes / 是' : 'no / 否'
}

function useFrameRate(): number {
  const [fps, setFps] = useState(0)
  useEffect(() => {
    let frames = 0
    let start = performance.now()
    let handle = requestAnimationFrame(function tick(now) {
      frames++
      if (now - start >= 1000) {
        setFps((frames * 1000) / (now - start))
        frames = 0
        start = now
      }
      handle = requestAnimationFrame(tick)
    })
    return () => cancelAnimationFrame(handle)
  }, [])
  return fps
}
