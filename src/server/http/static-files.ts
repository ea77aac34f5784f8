// Serves the built app, compressed, with long caching for hashed assets and none for the HTML shell,
// plus the live scene folders at /scenes/ so a new folder shows up without a rebuild.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import fastifyCompress from '@fastify/compress'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import type { ServerContext, ServerModule } from '../module'

/** Scene folder names: every subfolder of the scenes dir that holds a scene.json. */
export function listSceneIds(scenesDir: string): string[] {
  if (!existsSync(scenesDir)) return []
  return readdirSync(scenesDir)
    .filter(
      (name) =>
        statSync(join(scenesDir, name)).isDirectory() && existsSync(join(scenesDir, name, 'scene.json')),
    )
    .sort()
}

export function createStaticFilesModule(ctx: ServerContext): ServerModule {
  const { distDir, scenesDir } = ctx.config
  return {
    name: 'static-files',
    async register(app: FastifyInstance) {
      await app.register(fastifyCompress, { global: true, threshold: 1024 })
      app.get('/healthz', async () => ({ ok: true, uptime: process.uptime() }))
      app.get('/scenes/index.json', async (_req, reply) => {
        reply.header('cache-control', 'no-cache')
        return { scenes: listSceneIds(scenesDir) }
      })
      // Scene files pass through the modules' redactors (e.g. the classroom removes quiz answers).
      app.get<{ Params: { id: string } }>('/scenes/:id/scene.json', async (req, reply) => {
        const { id } = req.params
        if (!listSceneIds(scenesDir).includes(id)) return reply.code(404).send({ error: 'no such scene' })
        const text = await readFile(join(scenesDir, id, 'scene.json'), 'utf8')
        reply.header('cache-control', 'no-cache').type('application/json; charset=utf-8')
        let scene: Record<string, unknown>
        try {
          scene = JSON.parse(text) as Record<string, unknown>
        } catch {
          // A broken file is sent as it is, so the app can show the author the parse error.
          return text
        }
        return JSON.stringify(ctx.sceneRedactors.reduce((s, redact) => redact(s), scene))
      })
      await app.register(fastifyStatic, {
        root: scenesDir,
        prefix: '/scenes/',
        decorateReply: false,
        cacheControl: false,
        setHeaders: (reply) => reply.header('cache-control', 'no-cache'),
      })
      await app.register(fastifyStatic, {
        root: distDir,
        prefix: '/',
        wildcard: true,
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
