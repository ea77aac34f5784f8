// Scene data for the "classroom" kind. The kind's own folder (src/kinds/classroom) turns this into an experience.
import { z } from 'zod'

export const ClassroomContent = z.object({}).strict()
export type ClassroomContent = z.infer<typeof ClassroomContent>
