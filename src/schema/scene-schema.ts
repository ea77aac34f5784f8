// The one schema every scene file is checked against: the common part plus a part per kind,
// discriminated on `kind`. scripts/build-assets.ts writes it out as scenes/scene.schema.json.
import { z } from 'zod'
import { SceneCommon } from './common'
import { ClassroomContent } from './kinds/classroom'
import { ServiceHallContent } from './kinds/service-hall'
import { TourContent } from './kinds/tour'
import { TwinContent } from './kinds/twin'

export const TourScene = z.object({ ...SceneCommon, kind: z.literal('tour'), tour: TourContent }).strict()
export const ServiceHallScene = z
  .object({ ...SceneCommon, kind: z.literal('service-hall'), serviceHall: ServiceHallContent })
  .strict()
export const TwinScene = z.object({ ...SceneCommon, kind: z.literal('twin'), twin: TwinContent }).strict()
export const ClassroomScene = z
  .object({ ...SceneCommon, kind: z.literal('classroom'), classroom: ClassroomContent })
  .strict()

export const Scene = z.discriminatedUnion('kind', [TourScene, ServiceHallScene, TwinScene, ClassroomScene])
export type Scene = z.infer<typeof Scene>
export type SceneKind = Scene['kind']
export type SceneOfKind<K extends SceneKind> = Extract<Scene, { kind: K }>
export const SCENE_KINDS = [
  'tour',
  'service-hall',
  'twin',
  'classroom',
] as const satisfies readonly SceneKind[]
