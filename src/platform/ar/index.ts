// The ar service's public surface: kinds and the app import from here, never from its files.

export { ARPlacement, type ARPlacementProps } from './ARPlacement'
export { type ARDebugView, registerARDebugView } from './ar-debug'
export * from './ar-placement'
export * from './ar-session'
export { arStrings } from './ar-strings'
export * from './ar-visit'
