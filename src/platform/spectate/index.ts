// The spectator service's public surface: the big screen's session, camera and drawing of the visitor
// (for the app), the view mirror (for kinds), and the pose sampler (for the venue's device side).
export * from './debug'
export * from './pose-follower'
export * from './pose-sampler'
export * from './SpectatorCamera'
export * from './SpectatorStage'
export * from './SpectatorVisitor'
export * from './spectator-cycle'
export * from './spectator-session'
export * from './view-mirror'
