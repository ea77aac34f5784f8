// Where the page's KTX2 transcoding worker is served. The Basis transcoder inside it is an Emscripten
// embind build, which compiles its bindings with `new Function`: under the app's policy (no 'unsafe-eval')
// it cannot run in a blob: worker, which inherits the page's policy. A worker served from this origin runs
// under its own response's policy instead, so the server allows 'unsafe-eval' for this one file and nowhere
// else (src/server/http/security-headers.ts); the asset build writes it (scripts/assets/decoders.ts).
export const KTX2_WORKER_PATH = '/decoders/basis/ktx2-worker.js'
