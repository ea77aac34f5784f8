// The view a spectator mirrors besides the 3D world: the narration's subtitle (platform) and the open
// kind's own view state. A kind that has something a spectator should see (the tour's stop and card,
// the hall's plan, the twin's selection) registers a mirror while it is open: `read` on the visitor's
// device, `apply` on the spectator's screen, with the kind's own schema; anything else is ignored.
import { SUBTITLE_MAX_LENGTH, type ViewState } from '../../shared/venue/spectator-messages'
import { useNarrationStore } from '../audio/narration'

export interface ViewMirror {
  /** The kind's view state now: small, JSON-safe (a device sends it when its JSON changes). */
  read(): unknown
  /** Shows `state` from a watched device; must validate it (it crossed the network). */
  apply(state: unknown): void
}

let mirror: ViewMirror | null = null
/** The last kind state a spectator received, for a kind that mounts after it (a scene switch). */
let lastKindState: unknown = null

/** Registers the open kind's mirror; returns the unregister for the kind's cleanup. */
export function registerViewMirror(next: ViewMirror): () => void {
  mirror = next
  if (lastKindState !== null) next.apply(lastKindState)
  return () => {
    if (mirror === next) mirror = null
  }
}

/** The visitor's view now (on a watched device). */
export function readViewState(): ViewState {
  const narration = useNarrationStore.getState()
  return {
    subtitle: narration.subtitle.slice(0, SUBTITLE_MAX_LENGTH),
    progress: narration.progress ?? null,
    kind: mirror?.read() ?? null,
  }
}

/** Shows a watched device's view (on a spectator screen). */
export function applyViewState(view: ViewState): void {
  useNarrationStore.setState({
    subtitle: view.subtitle,
    speaking: view.subtitle !== '',
    progress: view.progress ?? undefined,
  })
  lastKindState = view.kind ?? null
  if (lastKindState !== null) mirror?.apply(lastKindState)
}

/** Forgets what was shown (the spectator switched devices). */
export function clearViewState(): void {
  lastKindState = null
  useNarrationStore.setState({ subtitle: '', speaking: false, progress: undefined })
}
