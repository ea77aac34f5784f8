// /?spectate: the booth's big screen. Staff sign in with the operator code (kept in this page's memory),
// then the stage shows what the watched visitor sees, drawn from their head pose, with their rays and
// hands; the bar on top names the device and scene and lets staff pick a device, cycle, or switch to
// the orbit view. The page never joins the venue as a device and sends the visitor nothing.
import { useEffect, useState } from 'react'
import { localize, useLang } from '../platform/i18n'
import { findEntry, useSceneCatalog } from '../platform/scenes/scene-catalog'
import {
  cycleDevices,
  registerSpectatorDebugView,
  setSpectatorView,
  startSpectating,
  useSpectator,
  watchDevice,
} from '../platform/spectate'
import { useRoute } from '../platform/url/route-store'
import { OnlineDeviceOptions, refusalText, StaffHeader, StaffSignIn, useStaffText } from './StaffPageParts'
import './operator.css'

export default function SpectatorPage() {
  const lang = useLang()
  const t = useStaffText()
  const [code, setCode] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const asked = useRoute((s) => s.spectate?.deviceId ?? null)

  useEffect(() => registerSpectatorDebugView(), [])
  useEffect(() => {
    if (!code) return
    return startSpectating(code, asked)
  }, [code, asked])

  if (!code) {
    return (
      <main
        className="page operator spectator-signin"
        aria-labelledby="staff-title"
        lang={lang === 'zh' ? 'zh-CN' : 'en'}
      >
        <StaffHeader title={t('spectatorTitle')} problem={problem} />
        <StaffSignIn
          onSignedIn={(accepted) => {
            setCode(accepted)
            setProblem(null)
          }}
          onRefused={(status, retry) => setProblem(refusalText(lang, status, retry))}
        />
      </main>
    )
  }
  return <SpectatorBar />
}

function SpectatorBar() {
  const t = useStaffText()
  const lang = useLang()
  const s = useSpectator()
  const sceneTitle = useSceneCatalog((c) => {
    const entry = s.report?.scene ? findEntry(c.entries, s.report.scene) : undefined
    return entry?.status === 'ok' ? localize(entry.scene.title, lang) : null
  })
  const watched = s.devices.find((d) => d.id === s.deviceId)
  const name = s.report?.name ?? watched?.name ?? s.deviceId ?? ''
  let line: string | null = null
  if (s.status === 'refused') line = t('screenRefused', { reason: s.reason ?? '' })
  else if (s.status === 'reconnecting' || s.status === 'connecting') line = t('serverAway')
  else if (!s.deviceId) line = t('waitingForVisitor')
  else if (!s.online) line = t('deviceOffline', { name })

  return (
    <div className="spectator-bar" data-spectator-bar lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <div className="spectator-who">
        <strong>{name || t('spectatorTitle')}</strong>
        {s.report && (
          <span>
            {sceneTitle ?? t('lobby')} · {s.report.mode.toUpperCase()}
          </span>
        )}
      </div>
      <div className="spectator-controls">
        <label>
          {t('spectatorPick')}
          <select
            value={s.cycling ? '' : (s.deviceId ?? '')}
            onChange={(e) => (e.target.value ? watchDevice(e.target.value) : cycleDevices())}
            data-spectator-pick
          >
            <option value="">{t('spectatorCycle')}</option>
            <OnlineDeviceOptions devices={s.devices} />
          </select>
        </label>
        <button
          type="button"
          className={s.view === 'head' ? 'btn btn-primary' : 'btn'}
          aria-pressed={s.view === 'head'}
          onClick={() => setSpectatorView('head')}
        >
          {t('viewHead')}
        </button>
        <button
          type="button"
          className={s.view === 'orbit' ? 'btn btn-primary' : 'btn'}
          aria-pressed={s.view === 'orbit'}
          onClick={() => setSpectatorView('orbit')}
          data-spectator-orbit
        >
          {t('viewOrbit')}
        </button>
      </div>
      {line && (
        <p className="spectator-line" role="status" data-spectator-line>
          {line}
        </p>
      )}
    </div>
  )
}
