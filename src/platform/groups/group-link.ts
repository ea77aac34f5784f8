// A group's address: `&group=new` opens one (the docent), `&group=<code>` joins one (a visitor, from the
// QR code or a typed link). Pure, so the lobby, the QR and tests agree.
import { ROOM_CODE_PATTERN } from '../../shared/groups/room-code'

export type GroupParam = { open: true } | { open: false; code: string }

/** What `?group=` asks for, or undefined when absent or not a code. */
export function parseGroupParam(search: string): GroupParam | undefined {
  const raw = new URLSearchParams(search).get('group')?.trim()
  if (!raw) return undefined
  if (raw.toLowerCase() === 'new') return { open: true }
  // A link's code is taken as it is (spaces and dashes aside): junk is no code, not a cleaned-up guess.
  const code = raw.toUpperCase().replace(/[\s-]/g, '')
  return ROOM_CODE_PATTERN.test(code) ? { open: false, code } : undefined
}

/** The link a visitor scans to join: this scene in this language, with the group's code. */
export function groupJoinUrl(origin: string, scene: string, code: string, lang: 'zh' | 'en'): string {
  const params = new URLSearchParams({ scene, group: code })
  if (lang === 'en') params.set('lang', 'en')
  return `${origin}/?${params.toString()}`
}
