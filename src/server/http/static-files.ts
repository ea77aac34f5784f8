// Serves the built app, compressed, with long caching for hashed assets and none for the HTML shell,
// plus the live scene folders at /scenes/ so a new folder shows up without a rebuild.
import { realpathSync } from 'node:fs'
import { join, sep } from 'node:path'
import fastifyCompress from '@fastify/compress'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { isSceneId } from '../../shared/scene-id'
import type { ServerContext, ServerModule } from '../module'
import { narrationIndexFor } from '../scenes/narration-index'

export function createStaticFilesModule(ctx: ServerContext): ServerModule {
  const { distDir, scenesDir } = ctx.config
  // Scene files pass through the modules' redactors (e.g. the classroom removes quiz answers); the
  // result is kept per read of the store, so a request re-parses nothing until an author changes the file.
  const redactedByRead = new WeakMap<object, string>()
  const redacted = (read: object, text: string): string => {
    let out = redactedByRead.get(read)
    if (out !== undefined) return out
    try {
      const scene = JSON.parse(text) as Record<string, unknown>
      out = JSON.stringify(ctx.sceneRedactors.reduce((s, redact) => redact(s), scene))
    } catch {
      // A broken file is sent as it is, so the app can show the author the parse error.
      out = text
    }
    redactedByRead.set(read, out)
    return out
  }
  return {
    name: 'static-files',
    async register(app: FastifyInstance) {
      await app.register(fastifyCompress, { global: true, threshold: 1024 })
      app.get('/healthz', async () => ({ ok: true, uptime: process.uptime() }))
      app.get('/scenes/index.json', async (_req, reply) => {
        reply.header('cache-control', 'no-cache')
        return { scenes: ctx.scenes.ids() }
      })
      app.get<{ Params: { id: string } }>('/scenes/:id/scene.json', async (req, reply) => {
        const read = ctx.scenes.read(req.params.id)
        // An invalid scene is still sent, so the app can show the author every problem in it.
        const text = read.ok ? read.text : read.text
        if (text === undefined)
          return reply.code(read.ok ? 404 : read.status).send({ error: 'no such scene' })
        reply.header('cache-control', 'no-cache').type('application/json; charset=utf-8')
        return redacted(read, text)
      })
      app.get<{ Params: { id: string } }>('/scenes/:id/narration.json', async (req, reply) => {
        if (!isSceneId(req.params.id) || !ctx.scenes.ids().includes(req.params.id))
          return reply.code(404).send({ error: 'no such scene' })
        reply.header('cache-control', 'no-cache')
        return narrationIndexFor(req.params.id, distDir, scenesDir)
      })
      await app.register(fastifyStatic, {
        root: scenesDir,
        prefix: '/scenes/',
        decorateReply: false,
        // No .env, .git or other dotfile is ever served (404, as if absent) …
        dotfiles: 'ignore',
        // … nor anything a link inside scenes/ points to outside it.
        allowedPath: (pathname) => staysInside(scenesDir, pathname),
        cacheControl: false,
        setHeaders: (reply) => reply.header('cache-control', 'no-cache'),
      })
      await app.register(fastifyStatic, {
        root: distDir,
        prefix: '/',
        wildcard: true,
        dotfiles: 'ignore',
        cacheControl: false,
        setHeaders: (reply, path) => {
          // Vite puts a content hash in every file under /assets/, so those never change.
          const immutable = path.includes(`${join(distDir, 'assets')}`)
          reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
        },
      })
    },
  }
}

/** True unless `pathname` under `root` resolves (through links) to somewhere outside `root`. */
function staysInside(root: string, pathname: string): boolean {
  let realRoot: string
  let real: string
  let decoded = pathname
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    // Not percent-encoded: it is already the file's path.
  }
  try {
    realRoot = realpathSync(root)
    real = realpathSync(join(root, decoded))
  } catch {
    // Missing or a dangling link: let the static handler answer 404.
    return true
  }
  return real === realRoot || real.startsWith(realRoot + sep)
}
