// Failures counted for the operator's daily summary, by kind only: never an error's message, which could
// carry what a visitor typed. Each place that catches a failure reports its kind here.
import { isSceneId } from '../../shared/scene-id'
import { useRoute } from '../url/route-store'
import { track } from './analytics-queue'

export type FailureKind =
  /** An uncaught exception on the page. */
  | 'script-error'
  /** A promise rejected with nobody to catch it (a failed fetch or load nobody awaited). */
  | 'unhandled-rejection'
  /** The address names no scene the server has. */
  | 'scene-not-found'
  /** The scene's file fails its schema. */
  | 'scene-broken'
  /** The scene list could not be fetched. */
  | 'scene-unreachable'
  /** The scene's kind threw while drawing; the visitor got an error panel. */
  | 'scene-crashed'
  /** The 3D view could not start (no WebGL). */
  | 'stage-failed'
  /** A model or texture did not load; its stand-in is shown. */
  | 'asset-failed'

/** Counts a failure in `scene`, by default the one the address names (none for an id that is not valid). */
export function trackError(what: FailureKind, scene: string | undefined = useRoute.getState().scene): void {
  track({ type: 'error', scene: isSceneId(scene) ? scene : null, what })
}
