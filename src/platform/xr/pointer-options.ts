/**
 * How long a press may last and still count as a click. The library default (300 ms) drops the
 * slow, deliberate trigger pulls and pinches of first-time headset visitors.
 */
export const CLICK_THRESHOLD_MS = 2500

/** Every XR pointer's options: controller rays and grab, hands, transient pointers, gaze, screen. */
export const pointerOptions = { clickThresholdMs: CLICK_THRESHOLD_MS }
