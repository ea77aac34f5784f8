// The staff code form the operator console and the spectator screen share: the code is checked by asking
// the venue API for the device list (the server's operator-code guard counts every wrong try), and lives
// only in the calling page's memory afterwards.
import { type FormEvent, useState } from 'react'
import { fillPlaceholders, type Lang, localize, useLang } from '../platform/i18n'
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
