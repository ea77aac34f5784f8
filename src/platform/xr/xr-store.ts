// The one XR store: session settings for Quest-class headsets and fully self-hosted input profiles
// (controller and hand models), so entering VR never reaches for a CDN.
import { createXRStore, isAppleVisionPro } from '@react-three/xr'
import { AppController } from './AppController'
import { AppHand } from './AppHand'
import { pointerOptions as pointer } from './pointer-options'

export { CLICK_THRESHOLD_MS } from './pointer-options'

/** Where `npm run assets` copies the WebXR input profiles (controller and hand models). */
export function inputProfilesUrl(): string {
  return new URL(`${import.meta.env.BASE_URL}input-profiles/`, window.location.href).href
}

export const xrStore = createXRStore({
  // Absolute URL: the library resolves profile paths with `new URL(path, baseAssetPath)`.
  baseAssetPath: inputProfilesUrl(),
  // Our own IWER install (dev mode, tests) uses forceInstall; the built-in emulator would not.
  emulate: false,
  // No browser-level "offer": visitors enter through our button, which explains what happens.
  offerSession: false,
  // Highest frame rate the headset offers (72→90/120 Hz on Quest): smoother is more comfortable.
  frameRate: 'high',
  // Fixed foveation trades peripheral sharpness for a steady frame rate; text is read in the centre.
  foveation: 0.7,
  // A little supersampling where the device allows keeps Chinese text crisp without costing much.
  frameBufferScaling: (max: number) => Math.min(max, 1.2),
  // Pinch-ray at a distance and poke on near panels (AppHand); controllers get rays and grab, the model
  // drawn in one call (AppController). Both test their grab and touch spheres only against what is near.
  hand: AppHand,
  controller: AppController,
  // The session's features, all optional so a headset without them still enters. The library's own list
  // (its defaults) plus light estimation, which it has no switch for; a custom init replaces its list, so
  // the whole list is here. The AR presentations (src/platform/ar) use hit-test for the placement
  // reticle, anchors to hold the model, planes and meshes for hit-test on Quest, and the room's light.
  // No dom-overlay: nothing here draws DOM in a session.
  customSessionInit: {
    requiredFeatures: ['local-floor'],
    optionalFeatures: [
      'anchors',
      // Vision Pro's gaze-and-pinch arrives as a transient pointer only without hand tracking (the
      // library's default there too).
      ...(isAppleVisionPro() ? [] : ['hand-tracking']),
      'layers',
      'mesh-detection',
      'plane-detection',
      'hit-test',
      'light-estimation',
    ],
  },
  // Vision Pro gaze-and-pinch arrives as a transient pointer.
  transientPointer: pointer,
  gaze: pointer,
  screenInput: pointer,
})
