// /?operator: the venue's operator console for staff. Asks for the staff code (checked by the server's
// operator-code guard), then lists every device live (polled once a second over the venue API) and sends
// commands to one device or to all, showing each device's acknowledgement. This page never joins the
// venue as a device. The code lives only in this page's memory and the API's header.
import { useEffect, useState } from 'react'
import { useLang } from '../platform/i18n'
import { type DeviceView, fetchDevices } from '../platform/venue'
import { AnalyticsPanel } from './AnalyticsPanel'
import { CommandPanel } from './CommandPanel'
import { refusalText, StaffHeader, StaffSignIn, staffText, useStaffText } from './StaffPageParts'
import './operator.css'

const POLL_MS = 1000

export default function OperatorPage() {
  const t = useStaffText()
  const lang = useLang()
  const [code, setCode] = useState<string | null>(null)
  const [devices, setDevices] = useState<DeviceView[]>([])
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    if (!code) return
    let live = true
    const poll = async () => {
      const result = await fetchDevices(code)
      if (!live) return
      if (result.ok) {
        setDevices(result.value)
        setProblem(null)
      } else if (result.status === 403 || result.status === 429) {
        setCode(null)
        setProblem(refusalText(lang, result.status, result.retryAfterSeconds))
      } else setProblem(staffText(lang, 'serverAway'))
    }
    const timer = setInterval(poll, POLL_MS)
    return () => {
      live = false
      clearInterval(timer)
    }
  }, [code, lang])

  return (
    <main className="page operator" aria-labelledby="staff-title" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <StaffHeader title={t('consoleTitle')} problem={problem}>
        {code && (
          <button type="button" className="btn" onClick={() => setCode(null)}>
            {t('signOut')}
          </button>
        )}
      </StaffHeader>
      {code ? (
        <>
          <DeviceTable devices={devices} />
          <CommandPanel code={code} devices={devices} />
          <AnalyticsPanel code={code} />
        </>
      ) : (
        <StaffSignIn
          onSignedIn={(accepted, list) => {
            setCode(accepted)
            setDevices(list)
            setProblem(null)
          }}
          onRefused={(status, retry) => setProblem(refusalText(lang, status, retry))}
        />
      )}
    </main>
  )
}

function duration(seconds: number, t: ReturnType<typeof useStaffText>): string {
  return seconds < 120
    ? t('seconds', { n: String(seconds) })
    : t('minutes', { n: String(Math.floor(seconds / 60)) })
}

function DeviceTable({ devices }: { devices: DeviceView[] }) {
  const t = useStaffText()
  const online = devices.filter((d) => d.online).length
  return (
    <section aria-labelledby="devices-title">
      <h2 id="devices-title">{t('devices', { online: String(online), total: String(devices.length) })}</h2>
      {devices.length === 0 ? (
        <p>{t('noDevices')}</p>
      ) : (
        <div className="operator-table-wrap">
          <table className="operator-table">
            <thead>
              <tr>
                <th scope="col">{t('colName')}</th>
                <th scope="col">{t('colScene')}</th>
                <th scope="col">{t('colMode')}</th>
                <th scope="col">{t('colLang')}</th>
                <th scope="col">{t('colIdle')}</th>
                <th scope="col">{t('colFps')}</th>
                <th scope="col">{t('colVersion')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col">{t('colLastCommand')}</th>
                <th scope="col">
                  <a href="?spectate" target="_blank" rel="noreferrer" data-watch-all>
                    {t('watchAll')}
                  </a>
                </th>
              </tr>
            </thead>
            <tbody>
              {devices.map((d) => (
                <tr key={d.id} data-device-id={d.id} className={d.online ? '' : 'is-offline'}>
                  <th scope="row" data-col="name">
                    {d.name}
                  </th>
                  <td data-col="scene">{d.scene ?? t('lobby')}</td>
                  <td data-col="mode">{d.mode.toUpperCase()}</td>
                  <td data-col="lang">{d.lang}</td>
                  <td data-col="idle">{duration(d.idleSeconds, t)}</td>
                  <td data-col="fps">{Math.round(d.fps)}</td>
                  <td data-col="version">{d.version}</td>
                  <td data-col="status">
                    <span className={d.online ? 'dot on' : 'dot'} aria-hidden="true" />
                    {d.online ? t('online') : t('offline')}
                  </td>
                  <td data-col="ack">
                    {d.lastAck
                      ? `${d.lastAck.type} · ${t(d.lastAck.status === 'offline' ? 'offline' : d.lastAck.status)}`
                      : '—'}
                  </td>
                  <td data-col="watch">
                    <a href={`?spectate=${encodeURIComponent(d.id)}`} target="_blank" rel="noreferrer">
                      {t('watch')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
