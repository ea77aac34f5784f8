// The groups service's public surface: docent-led groups on the app's own server (kinds import from here).
export * from './group-link'
export * from './group-session'
