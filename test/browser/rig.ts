// One Chromium connection (the project's shared browser, see shared-chromium.setup.ts) and one real
// server for a browser test file (or a describe block), opened before its tests and closed after them:
// the setup every browser test file needs, written once. Kept out of harness.ts, which the bench also
// imports outside vitest.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import {
  type LaunchOptions,
  launchChromium,
  startTestServer,
  type TestServer,
  type TestServerOptions,
} from './harness'

export interface BrowserRig {
  /** Read inside tests and hooks: both are set once beforeAll has run. */
  readonly browser: Browser
  readonly server: TestServer
}

/** `options` may be a function when the server's settings are made in beforeAll (a temp scenes folder). */
export function browserAndServer(
  options: TestServerOptions | (() => TestServerOptions | Promise<TestServerOptions>) = {},
  launch: LaunchOptions = {},
): BrowserRig {
  const rig = {} as { browser: Browser; server: TestServer }
  beforeAll(async () => {
    rig.server = await startTestServer(typeof options === 'function' ? await options() : options)
    rig.browser = await launchChromium(launch)
  })
  afterAll(async () => {
    await rig.browser?.close()
    await rig.server?.close()
  })
  return rig
}
