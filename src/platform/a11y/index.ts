// The a11y service's public surface: kinds and the app import from here, never from its files.
export * from './A11yObjectList'
export * from './a11y-registry'
export * from './LargeTextMode'
