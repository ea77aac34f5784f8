// The kiosk service's public surface: kinds and the app import from here, never from its files.
export * from './idle-timer'
export * from './use-kiosk-mode'
