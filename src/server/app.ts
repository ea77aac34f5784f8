// Builds the one server process: fastify for HTTP(S), the shared database, and the modules that
// hang off the same port (static files, MQTT broker, classroom rooms). main.ts starts it; tests
// start it too, on a free port with their own data folder.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { join } from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import type { ServerConfig } from './config'
import { loadOrCreateCertificate } from './http/certificate'
import { lanAddresses } from './http/lan-address'
import { registerSecurityHeaders } from './http/security-headers'
import type { ServerContext, ServerModule, ServerModuleFactory } from './module'
import { defaultModules } from './modules'
import { SceneStore } from './scenes/scene-store'
import { CodeGuard } from './security/code-guard'
import { openDatabase } from './storage/database'

export interface RunningServer {
  app: FastifyInstance
  ctx: ServerContext
  /** Base URL on this machine, e.g. http://127.0.0.1:8080 */
  url: string
  port: number
  close(): Promise<void>
}

export async function startServer(
  config: ServerConfig,
  factories?: ServerModuleFactory[],
): Promise<RunningServer> {
  // Fail first, before any port is taken, when the data folder cannot hold the database.
  // (A written probe, not access(): root passes access() even on a read-only mount.)
  mkdirSync(config.dataDir, { recursive: true })
  const probe = join(config.dataDir, `.write-probe-${process.pid}`)
  writeFileSync(probe, '')
  rmSync(probe)
  const https = config.https
    ? await loadOrCreateCertificate(config.dataDir, ['localhost', '127.0.0.1', ...lanAddresses()])
    : undefined
  const app = Fastify({
    logger: {
      level: process.env.LOG_LEVEL ?? 'info',
      // Log paths without their query: nothing secret ever sits in a log file.
      serializers: {
        req: (req: { method: string; url: string; ip?: string }) => ({
          method: req.method,
          url: req.url.split('?')[0],
          ip: req.ip,
        }),
      },
    },
    ...(https ? { https } : {}),
    bodyLimit: 1024 * 1024,
    // Stopping must never hang on a half-read download or a stalled client: close every connection.
    forceCloseConnections: true,
  }) as unknown as FastifyInstance
  const db = openDatabase(join(config.dataDir, 'xr-showcase.sqlite'))
  const ctx: ServerContext = {
    config,
    db,
    log: app.log,
    httpServer: app.server as Server,
    sceneRedactors: [],
    scenes: new SceneStore(config.scenesDir),
    operatorGuard: new CodeGuard('operator code', config.operatorCode),
  }

  registerSecurityHeaders(app, config.cspConnectSrc)
  const modules: ServerModule[] = []
  for (const factory of factories ?? defaultModules) modules.push(await factory(ctx))
  for (const module of modules) await module.register?.(app)

  // One upgrade router: each module claims its own paths; anything unclaimed is refused.
  app.server.on('upgrade', (req, socket, head) => {
    for (const module of modules) if (module.handleUpgrade?.(req, socket, head)) return
    socket.write('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
    socket.destroy()
  })

  await app.listen({ port: config.port, host: config.host })
  for (const module of modules) await module.start?.()
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const url = `${https ? 'https' : 'http'}://127.0.0.1:${port}`

  let closed = false
  return {
    app,
    ctx,
    url,
    port,
    async close() {
      if (closed) return
      closed = true
      for (const module of [...modules].reverse()) await module.close?.()
      await app.close()
      db.close()
    },
  }
}
