// Headers and error bodies every response carries, whatever module answers it:
// - a Content-Security-Policy the app actually runs under: its own scripts plus WebAssembly (the Draco and
//   Basis decoders) and blob: scripts, workers from blob: URLs (three's decoders, troika text), images/media/fonts from the
//   app or from data:/blob: URLs (glTF embeds), network only to this server (HTTP, MQTT and room
//   WebSockets are same-origin) plus what the venue lists in CSP_CONNECT_SRC, and no framing by any page;
// - X-Content-Type-Options: nosniff, Referrer-Policy: no-referrer, X-Frame-Options for old browsers;
// - 500 bodies that say only "internal error": the message and stack go to the log, never to the client.
//   The KTX2 transcoding worker alone may also evaluate strings (src/shared/ktx2-worker.ts says why).
import type { FastifyError, FastifyInstance } from 'fastify'
import { KTX2_WORKER_PATH } from '../../shared/ktx2-worker'

export function contentSecurityPolicy(extraConnectSrc: string[] = [], allowEval = false): string {
  return [
    "default-src 'self'",
    // blob: for scripts that workers made from blob: URLs import (troika's text worker does).
    `script-src 'self' 'wasm-unsafe-eval'${allowEval ? " 'unsafe-eval'" : ''} blob:`,
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    "font-src 'self' data:",
    // React and drei set inline style attributes and a few libraries inject <style> elements.
    "style-src 'self' 'unsafe-inline'",
    ['connect-src', "'self'", 'data:', 'blob:', ...extraConnectSrc].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

export function registerSecurityHeaders(app: FastifyInstance, extraConnectSrc: string[] = []): void {
  const csp = contentSecurityPolicy(extraConnectSrc)
  const transcoderCsp = contentSecurityPolicy(extraConnectSrc, true)
  app.addHook('onSend', async (req, reply, payload) => {
    const path = req.url.split('?')[0]
    reply.header('content-security-policy', path === KTX2_WORKER_PATH ? transcoderCsp : csp)
    reply.header('x-content-type-options', 'nosniff')
    reply.header('referrer-policy', 'no-referrer')
    reply.header('x-frame-options', 'DENY')
    return payload
  })
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500
    if (status >= 500) {
      req.log.error({ err: error }, 'request failed')
      return reply.code(500).send({ error: 'internal error' })
    }
    // Client errors (bad JSON, too large, …) are fastify's own short messages: no paths or internals.
    return reply.code(status).send({ error: error.message })
  })
}
