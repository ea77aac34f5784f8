// /?operator: the venue's operator console for staff. Asks for the staff code (checked by the server's
// operator-code guard), then lists every device live (polled once a second over the venue API) and sends
// commands to one device or to all, showing each device's acknowledgement. This page never joins the
// venue as a device. The code lives only in this page's memory and the API's header.
import { useEffect, useState } from 'react'
import { type Lang, localize, useLang } from '../platform/i18n'
import { useSceneCatalog } from '../platform/scenes/scene-catalog'
import {
  type CommandResponse,
  type DeviceView,
  fetchDevices,
  sendVenueCommand,
  type VenueCommand,
  type VenueStringKey,
} from '../platform/venue'
import { AnalyticsPanel } from './AnalyticsPanel'
import {
  OnlineDeviceOptions,
  refusalText,
  StaffHeader,
  StaffSignIn,
  staffText,
  useStaffText,
} from './StaffPageParts'
import './operator.css'

const POLL_MS = 1000

/** Each command's button label, for the result line. */
const COMMAND_LABELS: Record<VenueCommand['type'], VenueStringKey> = {
  'open-scene': 'openScene',
  lobby: 'backToLobby',
  'set-lang': 'setLang',
  reset: 'reset',
  'start-attract': 'startAttract',
  'stop-attract': 'stopAttract',
  message: 'message',
  rename: 'rename',
}

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

function CommandPanel({ code, devices }: { code: string; devices: DeviceView[] }) {
  const t = useStaffText()
  const lang = useLang()
  const entries = useSceneCatalog((s) => s.entries)
  const scenes = entries.flatMap((e) =>
    e.status === 'ok' ? [{ id: e.id, title: localize(e.scene.title, lang) }] : [],
  )
  const [target, setTarget] = useState<string>('all')
  const [scene, setScene] = useState('')
  const [newLang, setNewLang] = useState<Lang>('en')
  const [messageText, setMessageText] = useState('')
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{
    type: VenueCommand['type']
    response?: CommandResponse
    error?: string
  } | null>(null)
  const chosenScene = scene || scenes[0]?.id || ''
  const names = new Map(devices.map((d) => [d.id, d.name]))
  const lastAcks = new Map(devices.map((d) => [d.id, d.lastAck]))

  const send = async (command: VenueCommand) => {
    setBusy(true)
    setResult({ type: command.type })
    const sent = await sendVenueCommand(code, target, command)
    setBusy(false)
    setResult(
      sent.ok ? { type: command.type, response: sent.value } : { type: command.type, error: sent.reason },
    )
  }

  return (
    <section className="operator-commands" aria-labelledby="commands-title">
      <h2 id="commands-title">
        <label htmlFor="operator-target">{t('target')}</label>
      </h2>
      <select
        id="operator-target"
        value={target}
        onChange={(e) => setTarget(e.target.value)}
        data-operator-target
      >
        <option value="all">{t('allDevices')}</option>
        <OnlineDeviceOptions devices={devices} />
      </select>
      <div className="operator-command-grid">
        <div className="operator-command">
          <select
            aria-label={t('colScene')}
            value={chosenScene}
            onChange={(e) => setScene(e.target.value)}
            data-operator-scene
          >
            {scenes.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || !chosenScene}
            onClick={() => send({ type: 'open-scene', scene: chosenScene })}
            data-command="open-scene"
          >
            {t('openScene')}
          </button>
        </div>
        <div className="operator-command">
          <SimpleCommand type="lobby" busy={busy} send={send} />
          <SimpleCommand type="reset" busy={busy} send={send} />
        </div>
        <div className="operator-command">
          <SimpleCommand type="start-attract" busy={busy} send={send} />
          <SimpleCommand type="stop-attract" busy={busy} send={send} />
        </div>
        <div className="operator-command">
          <select
            aria-label={t('colLang')}
            value={newLang}
            onChange={(e) => setNewLang(e.target.value as Lang)}
            data-operator-lang
          >
            <option value="zh">中文</option>
            <option value="en">English</option>
          </select>
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => send({ type: 'set-lang', lang: newLang })}
            data-command="set-lang"
          >
            {t('setLang')}
          </button>
        </div>
        <div className="operator-command">
          <input
            type="text"
            value={messageText}
            maxLength={200}
            placeholder={t('messagePlaceholder')}
            aria-label={t('messagePlaceholder')}
            onChange={(e) => setMessageText(e.target.value)}
            data-operator-message
          />
          <button
            type="button"
            className="btn"
            disabled={busy || messageText.trim() === ''}
            onClick={() => send({ type: 'message', text: messageText, seconds: 20 })}
            data-command="message"
          >
            {t('message')}
          </button>
        </div>
        <div className="operator-command">
          <input
            type="text"
            value={name}
            maxLength={32}
            placeholder={t('renamePlaceholder')}
            aria-label={t('renamePlaceholder')}
            onChange={(e) => setName(e.target.value)}
          />
          <button
            type="button"
            className="btn"
            disabled={busy || name.trim() === '' || target === 'all'}
            onClick={() => send({ type: 'rename', name })}
            data-command="rename"
          >
            {t('rename')}
          </button>
        </div>
      </div>
      {result && (
        <div
          className="operator-result"
          role="status"
          data-command-result={result.response ? 'done' : result.error ? 'failed' : 'sending'}
        >
          <strong>{t('resultTitle', { command: t(COMMAND_LABELS[result.type]) })}</strong>
          {!result.response && !result.error && <p>{t('sending')}</p>}
          {result.error && <p>{t('commandFailed', { reason: result.error })}</p>}
          {result.response && result.response.results.length === 0 && <p>{t('noTargets')}</p>}
          {result.response && result.response.results.length > 0 && (
            <ul>
              {result.response.results.map((answered) => {
                // A device that answered after the wait shows its late answer (the list is polled).
                const late = lastAcks.get(answered.deviceId)
                const r = late?.late && late.commandId === answered.commandId ? late : answered
                return (
                  <li key={answered.deviceId} data-ack-device={answered.deviceId} data-ack-status={r.status}>
                    {names.get(answered.deviceId) ?? answered.deviceId}:{' '}
                    {t(r.status === 'offline' ? 'offline' : r.status)}
                    {r.late ? t('lateAnswer') : ''}
                    {r.detail ? ` (${r.detail})` : ''}
                  </li>
                )
              })}
            </ul>
          )}
        </div>
      )}
    </section>
  )
}

/** A command without fields: one button, labelled as in the result line. */
function SimpleCommand(props: {
  type: 'lobby' | 'reset' | 'start-attract' | 'stop-attract'
  busy: boolean
  send: (command: VenueCommand) => void
}) {
  const t = useStaffText()
  return (
    <button
      type="button"
      className="btn"
      disabled={props.busy}
      onClick={() => props.send({ type: props.type })}
      data-command={props.type}
    >
      {t(COMMAND_LABELS[props.type])}
    </button>
  )
}
