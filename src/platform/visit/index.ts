// The visit service's public surface: kinds and the app import from here, never from its files.
export * from './visit-storage'
