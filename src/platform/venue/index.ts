// The venue service's public surface: device presence and staff commands on this device, the staff
// notice, and the operator console's API client. The app imports from here, never from its files.
export * from './debug'
export * from './device-identity'
export * from './operator-api'
export * from './presence-report'
export * from './use-venue-presence'
export * from './VenueNotice'
export * from './VenueStageParts'
export * from './venue-store'
export * from './venue-strings'
