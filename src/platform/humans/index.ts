// The digital-humans service's public surface: the humanoid glTF contract, the animator that plays
// its clips and drives its head, jaw and lids, the hook that gives a view its own figure, and the
// ticker that decides which figures of a crowd animate this frame.
export * from './blink-schedule'
export * from './crowd-mesh'
export * from './crowd-ticker'
export * from './head-look'
export * from './humanoid-animator'
export * from './humanoid-contract'
export * from './use-crowd-figure'
export * from './use-humanoid'
