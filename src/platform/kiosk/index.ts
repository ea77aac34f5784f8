// The kiosk service's public surface: kinds and the app import from here, never from its files.
// The venue's operator console starts and stops the attract loop with startAttract() / stopAttract().
// AttractCamera (three.js) is imported by the stage from its file, so this surface stays light.
export * from './attract-path'
export * from './idle-timer'
export * from './KioskScreen'
export * from './kiosk-phase'
export { type KioskDebugView, resetKiosk, startAttract, stopAttract, useKiosk } from './kiosk-state'
export * from './long-press'
export * from './use-kiosk-mode'
