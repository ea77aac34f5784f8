// The browser harness's off-origin record in a real Chromium: what a page and its worker ask of another
// origin is recorded, what they ask of their own server is not, and the HTTP cache stays on (a route would
// have turned it off, so each reload in a test fetched and compiled the whole app again).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_ARGS, CHROMIUM_PATH, recordOffOriginRequests } from '../../browser/harness'

const PAGE = `<!doctype html><script src="/app.js"></script>`
const APP = `
fetch('http://off-origin.invalid/data.json').catch(() => {})
new Worker('/worker.js')
`
const WORKER = `fetch('http://worker-off-origin.invalid/w').catch(() => {})`

let server: Server
let origin: string
let browser: Browser
const served: string[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    served.push(req.url ?? '')
    const body = req.url === '/app.js' ? APP : req.url === '/worker.js' ? WORKER : PAGE
    const type = req.url?.endsWith('.js') ? 'text/javascript' : 'text/html'
    // Scripts cached as the app's hashed assets are; the page itself revalidated.
    const cache = req.url?.endsWith('.js') ? 'public, max-age=31536000, immutable' : 'no-cache'
    res.writeHead(200, { 'content-type': type, 'cache-control': cache }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS })
})

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
})

describe('the off-origin record', () => {
  it("records a page's and its worker's requests to other origins, not its own, and keeps the cache", async () => {
    const context = await browser.newContext()
    const offOrigin: string[] = []
    recordOffOriginRequests(context, origin, offOrigin)
    const page = await context.newPage()
    await page.goto(`${origin}/`)
    await expect
      .poll(() => [...offOrigin].sort())
      .toEqual(['http://off-origin.invalid/data.json', 'http://worker-off-origin.invalid/w'])
    expect(served.filter((u) => u === '/app.js')).toHaveLength(1)
    await page.reload()
    await expect.poll(() => offOrigin.length).toBe(4)
    // The reload took the script from the cache: the server saw it once.
    expect(served.filter((u) => u === '/app.js')).toHaveLength(1)
    expect(served.filter((u) => u === '/')).toHaveLength(2)
    await context.close()
  })
})
