// The operator console's commands: to one device or to all, open a scene, back to the lobby, language, reset
// for the next visitor, the attract loop, a message or a new name, each with the device's acknowledgement in
// the result line. Part of OperatorPage (/?operator), which keeps the code and the device list.
import { useState } from 'react'
import { type Lang, localize, useLang } from '../platform/i18n'
import { useSceneCatalog } from '../platform/scenes/scene-catalog'
import {
  type CommandResponse,
  type DeviceView,
  sendVenueCommand,
  type VenueCommand,
  type VenueStringKey,
} from '../platform/venue'
import { OnlineDeviceOptions, useStaffText } from './StaffPageParts'

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

export function CommandPanel({ code, devices }: { code: string; devices: DeviceView[] }) {
  const t = useStaffText()
  const lang = useLang()
  const entries = useSceneCatalog((s) => s.entries)
  const scenes = entries.flatMap((e) =>
    e.status === 'ok' ? [{ id: e.id, title: localize(e.scene.title, lang) }] : [],
  )
  const [target, setTarget] = useState<string>('all')
  const [scene, setScene] = useState('')
  const [newLang, setNewLang] = useState<Lang>('en')
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
        <TextCommand
          type="message"
          maxLength={200}
          disabled={busy}
          send={send}
          toCommand={(text) => ({ type: 'message', text, seconds: 20 })}
        />
        <TextCommand
          type="rename"
          maxLength={32}
          // A name belongs to one device; the field says so instead of a button greyed out without a reason.
          unavailable={target === 'all' ? 'renameNeedsOneDevice' : undefined}
          disabled={busy}
          send={send}
          toCommand={(name) => ({ type: 'rename', name })}
        />
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

/**
 * A command with one line of text (a message, a new name): the field, then its button, sent only with text in
 * it. While the command cannot apply (`unavailable`), the field is off and its placeholder says why.
 */
function TextCommand(props: {
  type: 'message' | 'rename'
  maxLength: number
  disabled: boolean
  unavailable?: VenueStringKey
  send: (command: VenueCommand) => void
  toCommand: (text: string) => VenueCommand
}) {
  const t = useStaffText()
  const [text, setText] = useState('')
  const placeholder = t(props.unavailable ?? `${props.type}Placeholder`)
  return (
    <div className="operator-command">
      <input
        type="text"
        value={text}
        maxLength={props.maxLength}
        placeholder={placeholder}
        aria-label={placeholder}
        disabled={props.unavailable !== undefined}
        onChange={(e) => setText(e.target.value)}
        data-operator-input={props.type}
      />
      <button
        type="button"
        className="btn"
        disabled={props.disabled || props.unavailable !== undefined || text.trim() === ''}
        onClick={() => props.send(props.toCommand(text))}
        data-command={props.type}
      >
        {t(COMMAND_LABELS[props.type])}
      </button>
    </div>
  )
}
