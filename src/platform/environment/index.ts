// The environment service's public surface: kinds and the app import from here, never from its files.
export * from './SceneEnvironment'
export * from './scene-lights'
