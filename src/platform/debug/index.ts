// The debug service's public surface: kinds and the app import from here, never from its files.
export * from './test-hooks'
