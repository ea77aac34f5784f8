// The models service's public surface: kinds and the app import from here, never from its files.
export * from './AssetBoundary'
export * from './InstancedModel'
export * from './model-clone'
export * from './PlacedModels'
export * from './SceneModel'
