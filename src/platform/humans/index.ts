// The digital-humans service's public surface: the humanoid glTF contract, the animator that plays
// its clips and drives its head, jaw and lids, and the hook that gives a view its own figure.
export * from './blink-schedule'
export * from './head-look'
export * from './humanoid-animator'
export * from './humanoid-contract'
export * from './use-humanoid'
