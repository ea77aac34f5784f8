// Every part of the server, in start order. A new server part is one line here.
import { createAnalyticsModule } from './analytics/analytics-module'
import { createClassroomModule } from './classroom/classroom-module'
import { createGroupModule } from './groups/group-module'
import { createStaticFilesModule } from './http/static-files'
import type { ServerModuleFactory } from './module'
import { createStaffModule } from './staff/staff-module'
import { createTwinModule } from './twin/twin-module'
import { createVenueModule } from './venue/venue-module'

export const defaultModules: ServerModuleFactory[] = [
  createStaticFilesModule,
  createTwinModule,
  createClassroomModule,
  createGroupModule,
  createStaffModule,
  createVenueModule,
  createAnalyticsModule,
]
