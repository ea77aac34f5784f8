// The staff pages' shared parts (the operator console and the spectator screen): the top bar with the
// language switch and the problem line, and the staff code form: the code is checked by asking
// the venue API for the device list (the server's operator-code guard counts every wrong try), and lives
// only in the calling page's memory afterwards.
import { type FormEvent, type ReactNode, useState } from 'react'
import { fillPlaceholders, type Lang, localize, setLang, useLang } from '../platform/i18n'
import { type DeviceView, fetchDevices, type VenueStringKey, venueStrings } from '../platform/venue'

export function staffText(lang: Lang, key: VenueStringKey, vars: Record<string, string> = {}): string {
  return fillPlaceholders(localize(venueStrings[key], lang), vars)
}

export function useStaffText() {
  const lang = useLang()
  return (key: VenueStringKey, vars: Record<string, string> = {}) => staffText(lang, key, vars)
}

/** Why the server said no, in the staff pages' words. */
export function refusalText(lang: Lang, status: number, retryAfterSeconds?: number): string {
  if (status === 429) return staffText(lang, 'lockedOut', { seconds: String(retryAfterSeconds ?? 30) })
  return staffText(lang, status === 403 ? 'wrongCode' : 'serverAway')
}

export function StaffSignIn(props: {
  onSignedIn(code: string, devices: DeviceView[]): void
  onRefused(status: number, retryAfterSeconds?: number): void
}) {
  const t = useStaffText()
  const [draft, setDraft] = useState('')
  const [busy, setBusy] = useState(false)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    const result = await fetchDevices(draft.trim())
    setBusy(false)
    if (result.ok) props.onSignedIn(draft.trim(), result.value)
    else props.onRefused(result.status, result.retryAfterSeconds)
  }
  return (
    <form className="operator-signin" onSubmit={submit}>
      <p>{t('codePrompt')}</p>
      <label>
        {t('codeLabel')}
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={draft}
          maxLength={64}
          onChange={(e) => setDraft(e.target.value)}
          data-operator-code
        />
      </label>
      <button type="submit" className="btn btn-primary" disabled={busy || draft.trim() === ''}>
        {t('signIn')}
      </button>
    </form>
  )
}

/** A staff page's top bar (title, language switch, the page's own actions) and the line saying what went wrong. */
export function StaffHeader(props: { title: string; problem: string | null; children?: ReactNode }) {
  const lang = useLang()
  return (
    <>
      <header className="topbar">
        <h1 id="staff-title">{props.title}</h1>
        <div className="actions">
          <button type="button" className="btn" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {lang === 'zh' ? 'English' : '中文'}
          </button>
          {props.children}
        </div>
      </header>
      {props.problem && (
        <p className="notice" role="alert" data-operator-problem>
          {props.problem}
        </p>
      )}
    </>
  )
}

/** One <option> per online device, by name: the console's target and the screen's picker. */
export function OnlineDeviceOptions({ devices }: { devices: readonly DeviceView[] }) {
  return (
    <>
      {devices
        .filter((d) => d.online)
        .map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
    </>
  )
}
