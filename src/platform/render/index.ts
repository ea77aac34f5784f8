// The render service's public surface: what the device can draw, for the stage and diagnostics.
export * from './graphics-device'
export * from './ReleaseGeometryOnClose'
