// The venue tests' server: the real server in one process without a built app or the park simulator,
// and every room a test joined left before it closes.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Room } from '@colyseus/sdk'
import { afterAll, beforeAll } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/app'
import { emptyDistDir, testServerConfig } from '../support/server-config'
import { settleWithin } from './classroom-harness'

/** A fresh venue server (its own data folder, so lockouts and devices stay in it). */
export function startVenueServer(prefix = 'venue-it-'): Promise<RunningServer> {
  process.env.LOG_LEVEL ??= 'error'
  return startServer(
    testServerConfig(mkdtempSync(join(tmpdir(), prefix)), {
      distDir: emptyDistDir(),
      simulator: false,
      skipBuild: true,
    }),
  )
}

/** One venue server for the file: started before its tests, closed after them with the rooms they kept. */
export function venueServerForFile(prefix?: string) {
  let server: RunningServer | undefined
  const rooms: Room[] = []
  beforeAll(async () => {
    server = await startVenueServer(prefix)
  })
  afterAll(async () => {
    await settleWithin(
      rooms.map((r) => r.leave(true).catch(() => undefined)),
      2000,
    )
    await server?.close()
  })
  return {
    get url(): string {
      if (!server) throw new Error('the venue server is not started yet')
      return server.url
    },
    /** Keeps `room` to leave after the file. */
    keep<R extends Room>(room: R): R {
      rooms.push(room)
      return room
    },
  }
}
