// The xr service's public surface: kinds and the app import from here, never from its files.
// (dev-headset is not here: only main.tsx loads it, on demand, in development.)
export * from './xr-session'
export * from './xr-store'
export * from './xr-support'
