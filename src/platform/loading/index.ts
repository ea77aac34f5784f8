// The loading service's public surface. The app shell imports the DOM loader and the 3D pieces from
// their own files, so the DOM lobby's chunk stays free of three.js (LoadingPanel3D, trackThreeLoads).
export * from './LoadingPanel3D'
export * from './load-progress'
export * from './SceneLoader'
export * from './track-three-loads'
