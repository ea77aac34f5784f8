// The settings service's public surface: kinds and the app import from here, never from its files.
export * from './SettingsDialog'
export * from './SettingsPanel'
export * from './settings-store'
export * from './settings-strings'
