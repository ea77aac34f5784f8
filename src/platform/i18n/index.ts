// The i18n service's public surface: kinds and the app import from here, never from its files.

export { fillPlaceholders } from '../../shared/fill-placeholders'
export * from './i18n'
export * from './ui-strings'
