// Loaded by index.html before the app's modules: zod reads this setting when it loads. Its fast parsers
// are compiled with `new Function`, which the server's Content-Security-Policy refuses (see
// src/server/http/security-headers.ts); jitless parsing avoids the refused compile and its violation report.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true })
