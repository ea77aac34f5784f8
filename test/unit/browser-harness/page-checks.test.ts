// The after-test page check of the browser harness, without a browser: which errors fail a test,
// which a test may declare, and which pages are forgotten after the check.
import type { BrowserContext, Page } from 'playwright-core'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { type AppPage, checkRegisteredPages, closeTestPages, pageRegistry } from '../../browser/harness'

function fakePage(path: string, openedIn: string | undefined, expected: RegExp[] = []): AppPage {
  const app: AppPage = {
    page: {} as Page,
    context: { close: vi.fn(async () => {}) } as unknown as BrowserContext,
    consoleErrors: [],
    offOriginRequests: [],
    failedResponses: [],
    expectConsoleErrors: (...patterns) => {
      expected.push(...patterns)
    },
  }
  pageRegistry().pages.push({ app, path, expected, openedIn, checkedErrors: 0, checkedRequests: 0 })
  return app
}

beforeEach(() => {
  pageRegistry().pages = []
})

describe('checkRegisteredPages', () => {
  it('reports off-origin requests and console errors with the page, then forgets the test’s pages', () => {
    const app = fakePage('/?scene=a', 'a test')
    app.offOriginRequests.push('https://fonts.example/x.woff2')
    app.consoleErrors.push('pageerror: boom')
    const problems = checkRegisteredPages()
    expect(problems).toContain('page /?scene=a:')
    expect(problems).toContain('https://fonts.example/x.woff2')
    expect(problems).toContain('pageerror: boom')
    expect(pageRegistry().pages).toEqual([])
  })

  it('lets declared errors pass and still reports the others', () => {
    const app = fakePage('/', 'a test', [/WebSocket/])
    app.expectConsoleErrors(/stale/)
    app.consoleErrors.push('WebSocket connection failed', 'data stale', 'TypeError: x is undefined')
    const problems = checkRegisteredPages()
    expect(problems).toContain('1 unexpected console error(s)')
    expect(problems).toContain('TypeError: x is undefined')
    expect(problems).not.toContain('data stale')
  })

  it('is empty for clean pages', () => {
    fakePage('/', 'a test')
    expect(checkRegisteredPages()).toBe('')
  })

  it('keeps a page opened in beforeAll and checks only what it logged since the last check', () => {
    const app = fakePage('/?scene=twin-park', undefined)
    app.consoleErrors.push('first')
    expect(checkRegisteredPages()).toContain('(opened in beforeAll)')
    expect(pageRegistry().pages).toHaveLength(1)
    expect(checkRegisteredPages()).toBe('')
    app.consoleErrors.push('second')
    const problems = checkRegisteredPages()
    expect(problems).toContain('second')
    expect(problems).not.toContain('first')
  })
})

describe('closeTestPages', () => {
  it("closes the finished test's pages and leaves the file's beforeAll pages open", async () => {
    const mine = fakePage('/?scene=a', 'a test')
    const shared = fakePage('/?scene=b', undefined)
    await closeTestPages()
    expect(mine.context.close).toHaveBeenCalledTimes(1)
    expect(shared.context.close).not.toHaveBeenCalled()
  })
})
