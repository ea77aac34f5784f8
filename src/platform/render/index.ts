// The render service's public surface: what the device can draw, for the stage and diagnostics, and the
// surface textures on the floors, roads, lawns and walls kinds and the environment draw.
export * from './bones-when-moved'
export * from './desktop-fov'
export * from './graphics-device'
export * from './program-sort'
export * from './ReleaseGeometryOnClose'
export * from './SurfaceMaterial'
export * from './surface-textures'
export * from './use-surface-texture'
