// Entry of the "classroom" kind: the experience the app renders for a scene of this kind.
import type { SceneOfKind } from '../../schema/scene-schema'

export default function Experience(_props: { scene: SceneOfKind<'classroom'> }) {
  return null
}
