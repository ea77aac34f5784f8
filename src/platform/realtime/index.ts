// The realtime service's public surface: kinds and the app import from here, never from its files.
export * from './mqtt-broker-source'
export * from './mqtt-data-source'
export * from './mqtt-local-source'
export * from './mqtt-source-select'
export * from './room-connection'
