// Entry of the "service-hall" kind: the experience the app renders for a scene of this kind.
import type { SceneOfKind } from '../../schema/scene-schema'

export default function Experience(_props: { scene: SceneOfKind<'service-hall'> }) {
  return null
}
