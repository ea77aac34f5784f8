// The input service's public surface: kinds and the app import from here, never from its files.

export * from './fast-raycast'
export * from './haptics'
export * from './last-input'
export * from './press-claim'
export * from './use-press-state'
