// The locomotion service's public surface: kinds and the app import from here, never from its files.
export * from './ComfortVignette'
export * from './locomotion-debug'
export * from './PlayerRig'
export * from './player'
export * from './ThumbstickTeleport'
export * from './teleport-arc'
export * from './use-near-player'
