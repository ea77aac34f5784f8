// The current route as a zustand store kept in step with the address bar, so the back button and
// deep links work and every part of the app can read the language or scene without prop drilling.
import { create } from 'zustand'
import { type AppRoute, formatAppUrl, parseAppUrl } from './app-url'

interface RouteState extends AppRoute {
  /** Pushes a new history entry (navigation the user can go back from). */
  navigate(change: Partial<AppRoute>): void
  /** Replaces the current entry (settings such as language). */
  replace(change: Partial<AppRoute>): void
}

export const useRoute = create<RouteState>((set, get) => {
  const apply = (change: Partial<AppRoute>, mode: 'push' | 'replace') => {
    const { navigate: _n, replace: _r, ...current } = get()
    const next: AppRoute = { ...current, ...change }
    const url = formatAppUrl(next)
    if (mode === 'push') window.history.pushState(null, '', url)
    else window.history.replaceState(null, '', url)
    set(next)
  }
  if (typeof window !== 'undefined') {
    window.addEventListener('popstate', () => set(parseAppUrl(window.location.search)))
  }
  return {
    ...parseAppUrl(typeof window === 'undefined' ? '' : window.location.search),
    navigate: (change) => apply(change, 'push'),
    replace: (change) => apply(change, 'replace'),
  }
})
