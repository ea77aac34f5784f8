// Scene data for the "twin" kind. The kind's own folder (src/kinds/twin) turns this into an experience.
import { z } from 'zod'

export const TwinContent = z.object({}).strict()
export type TwinContent = z.infer<typeof TwinContent>
