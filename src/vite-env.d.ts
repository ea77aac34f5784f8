/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />
/** package.json version, injected at build time for the diagnostics page. */
declare const __APP_VERSION__: string
