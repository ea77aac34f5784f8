// A twin test server that can be stopped and started again on the same port and data folder, for
// the browser tests that watch a viewer ride out a broker restart. It runs the real server (static
// files + twin module: aedes broker, simulator, SQLite); `twin: false` serves the app statically only.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunningServer, startServer } from '../../src/server/app'
import { createStaticFilesModule } from '../../src/server/http/static-files'
import type { ServerContext } from '../../src/server/module'
import { createTwinModule, type TwinModule } from '../../src/server/twin/twin-module'
import { testServerConfig } from './harness'

export interface TwinTestServerOptions {
  /** Field sensors the simulator publishes per second. Default 0. */
  fieldSensors?: number
  /** Run the twin module (broker, simulator, history). Default true; false = static hosting only. */
  twin?: boolean
}

export interface TwinTestServer {
  url: string
  port: number
  dataDir: string
  /** The running twin module (replaced on every start); undefined with `twin: false`. */
  park: TwinModule | undefined
  /** Stops the whole server (HTTP and broker); the data folder stays. */
  stop(): Promise<void>
  /** Starts it again on the same port and data folder. */
  start(): Promise<void>
  /** Stops it and deletes the data folder. */
  close(): Promise<void>
}

export async function startTwinTestServer(options: TwinTestServerOptions = {}): Promise<TwinTestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'xr-showcase-twin-'))
  let running: RunningServer | null = null
  let port = 0
  const handle: TwinTestServer = {
    url: '',
    port: 0,
    dataDir,
    park: undefined,
    async start() {
      if (running) return
      const config = testServerConfig(dataDir, { port })
      const modules =
        options.twin === false
          ? [createStaticFilesModule]
          : [
              createStaticFilesModule,
              async (ctx: ServerContext) => {
                handle.park = await createTwinModule(ctx, { fieldSensors: options.fieldSensors ?? 0 })
                return handle.park
              },
            ]
      running = await startServer(config, modules)
      port = running.port
      handle.port = running.port
      handle.url = running.url
    },
    async stop() {
      const server = running
      running = null
      await server?.close()
    },
    async close() {
      await handle.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
  await handle.start()
  return handle
}
