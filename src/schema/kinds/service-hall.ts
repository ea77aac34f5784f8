// Scene data for the "service-hall" kind. The kind's own folder (src/kinds/service-hall) turns this into an experience.
import { z } from 'zod'

export const ServiceHallContent = z.object({}).strict()
export type ServiceHallContent = z.infer<typeof ServiceHallContent>
