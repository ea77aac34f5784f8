// Whether this visitor has seen the first-time help, on the screen and in the headset (the controls
// differ, so each is shown once). Kept in localStorage: a visitor on their own device sees it once; at a
// kiosk the reset for the next visitor forgets it, so every new visitor sees it again.
import { create } from 'zustand'
import { onVisitReset } from '../visit'

export const ONBOARDING_SCREEN_KEY = 'xr-showcase:onboarding:screen'
export const ONBOARDING_XR_KEY = 'xr-showcase:onboarding:xr'

function seen(key: string): boolean {
  try {
    return localStorage.getItem(key) === 'seen'
  } catch {
    return false
  }
}

function remember(key: string, value: boolean): void {
  try {
    if (value) localStorage.setItem(key, 'seen')
    else localStorage.removeItem(key)
  } catch {
    // No storage: the help shows again on the next page load, which is the safe side.
  }
}

export const useOnboarding = create<{ screenSeen: boolean; xrSeen: boolean }>(() => ({
  screenSeen: seen(ONBOARDING_SCREEN_KEY),
  xrSeen: seen(ONBOARDING_XR_KEY),
}))

export function dismissScreenHelp(): void {
  remember(ONBOARDING_SCREEN_KEY, true)
  useOnboarding.setState({ screenSeen: true })
}

export function dismissXrHelp(): void {
  remember(ONBOARDING_XR_KEY, true)
  useOnboarding.setState({ xrSeen: true })
}

onVisitReset(() => {
  remember(ONBOARDING_SCREEN_KEY, false)
  remember(ONBOARDING_XR_KEY, false)
  useOnboarding.setState({ screenSeen: false, xrSeen: false })
})
