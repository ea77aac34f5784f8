// The one place that names every kind. Each kind is its own lazily loaded chunk, so a visitor only
// downloads the code of the scene they open. The platform never imports this file; the app does.
import { type ComponentType, type LazyExoticComponent, lazy } from 'react'
import type { SceneKind, SceneOfKind } from '../schema/scene-schema'

type KindExperience<K extends SceneKind> = LazyExoticComponent<ComponentType<{ scene: SceneOfKind<K> }>>

export const kindRegistry: { [K in SceneKind]: KindExperience<K> } = {
  tour: lazy(() => import('../kinds/tour')),
  'service-hall': lazy(() => import('../kinds/service-hall')),
  twin: lazy(() => import('../kinds/twin')),
  classroom: lazy(() => import('../kinds/classroom')),
}

/**
 * Kinds with an AR presentation: the experience without anything opaque around it, placed on a real
 * surface. None has one yet, so no page offers "进入 AR": a VR scene behind an AR button hides the
 * visitor's room (issue 16).
 */
export const kindsWithAR: ReadonlySet<SceneKind> = new Set<SceneKind>([])
