// Who this browser is to the venue: a random id made once and kept in localStorage (stable across
// reloads and visitors, never reset by the kiosk), and the name staff gave it, kept beside it.
import { cleanDisplayName } from '../../shared/display-name'
import { DEVICE_NAME_MAX_LENGTH } from '../../shared/venue/venue-messages'

const ID_KEY = 'xr-showcase:venue:device-id'
const NAME_KEY = 'xr-showcase:venue:device-name'

function store(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined
  }
}

/** 16 random url-safe characters. */
function randomId(): string {
  const bytes = new Uint8Array(12)
  crypto.getRandomValues(bytes)
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
}

/** This browser's device id; made and kept on first use (a private window gets a new one each time). */
export function deviceId(): string {
  const kept = store()?.getItem(ID_KEY)
  if (kept && /^[A-Za-z0-9_-]{8,64}$/.test(kept)) return kept
  const id = randomId()
  store()?.setItem(ID_KEY, id)
  return id
}

/** The staff-given name, or "设备 <first 4 of the id>" until staff name it. */
export function deviceName(): string {
  const kept = cleanDisplayName(store()?.getItem(NAME_KEY) ?? '', DEVICE_NAME_MAX_LENGTH)
  return kept || `设备 ${deviceId().slice(0, 4)}`
}

export function keepDeviceName(name: string): void {
  store()?.setItem(NAME_KEY, cleanDisplayName(name, DEVICE_NAME_MAX_LENGTH))
}
