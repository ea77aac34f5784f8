// Scene data for the "tour" kind. The kind's own folder (src/kinds/tour) turns this into an experience.
import { z } from 'zod'

export const TourContent = z.object({}).strict()
export type TourContent = z.infer<typeof TourContent>
