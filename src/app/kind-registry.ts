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
 * Kinds with an AR presentation: in an immersive-ar session the kind renders its model inside the AR
 * service's <ARPlacement> (placed on a real surface, nothing opaque around it). Only these offer
 * "进入 AR": a VR scene behind an AR button would hide the visitor's room (issue 16).
 */
export const kindsWithAR: ReadonlySet<SceneKind> = new Set<SceneKind>([
  'twin',
  'tour',
  'service-hall',
  'classroom',
])
