// The offline service's public surface: the app imports from here, never from its files.
export * from './offline'
export * from './UpdatePrompt'
