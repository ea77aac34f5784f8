// Global setup of the browser project: one Chromium for every test file, which each file reaches
// through launchChromium (harness.ts). Software GL compiles every shader pipeline on the CPU, and a
// browser keeps what it compiled across pages: a scene's first load in a file took 1.4 s less in a
// browser that had shown it before, and no file pays for a browser launch. Each file still gets
// contexts of its own, closed when it closes its browser.
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH, SHARED_CHROMIUM_ENV } from './harness'

export default async function setup(): Promise<() => Promise<void>> {
  const server = await chromium.launchServer({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  })
  // Test files run in workers forked after this, with this environment.
  process.env[SHARED_CHROMIUM_ENV] = server.wsEndpoint()
  return async () => {
    await server.close()
  }
}
