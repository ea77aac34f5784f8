// The contract every server part (static files, MQTT broker, classroom rooms, …) follows, so that
// one process on one port can hold them all and each can later move to its own engine.
import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import type { ServerConfig } from './config'
import type { SceneStore } from './scenes/scene-store'
import type { CodeGuard } from './security/code-guard'
import type { Db } from './storage/database'

export interface ServerContext {
  config: ServerConfig
  db: Db
  log: FastifyBaseLogger
  /** The HTTP or HTTPS server every module shares. */
  httpServer: Server
  /**
   * Changes a module makes to a scene file before a browser receives it, e.g. removing a quiz's
   * answer key. Each gets the parsed scene.json and returns what to send.
   */
  sceneRedactors: SceneRedactor[]
  /** The one reader of scenes/ for every module: validated, cached by modification time. */
  scenes: SceneStore
  /**
   * The one guard of the operator code: the twin's controls and reports and the venue's console and API
   * check it, so a guess through any of them counts against the same address and global budget.
   */
  operatorGuard: CodeGuard
}

export type SceneRedactor = (scene: Record<string, unknown>) => Record<string, unknown>

export interface ServerModule {
  name: string
  /** Adds HTTP routes. Runs before the server listens. */
  register?(app: FastifyInstance): Promise<void> | void
  /** Claims a WebSocket upgrade by path; return true when this module took the socket. */
  handleUpgrade?(req: IncomingMessage, socket: Duplex, head: Buffer): boolean
  /** Starts timers and background work once the server listens. */
  start?(): Promise<void> | void
  /** Stops everything the module started; the database stays open until all modules closed. */
  close?(): Promise<void> | void
}

export type ServerModuleFactory = (ctx: ServerContext) => ServerModule | Promise<ServerModule>
