// One id rule for scenes and for the ids inside them (stops, matters, assets, seats): the URL, the
// schema, the server and the scripts all check it here.
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/

/** A scene's id: its folder name under scenes/. */
export type SceneId = string

export function isSceneId(value: unknown): value is SceneId {
  return typeof value === 'string' && ID_PATTERN.test(value)
}
