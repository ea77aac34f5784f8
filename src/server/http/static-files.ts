// Serves the built app, compressed, with long caching for hashed assets and none for the HTML shell,
// plus the live scene folders at /scenes/ so a new folder shows up without a rebuild.
import { existsSync, readdirSync, statSync } from 'node:fs'
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
