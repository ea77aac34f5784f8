// Runs around every browser test (vitest setupFiles): fails the test if any page it opened (or a page
// its file opened in beforeAll) tried to reach another origin or logged a console error it did not
// declare with expectConsoleErrors, so no test has to remember to look; then closes the pages it opened.
import { afterAll, afterEach, beforeEach, expect } from 'vitest'
import { checkRegisteredPages, closeTestPages, pageRegistry } from './harness'

beforeEach(() => {
  pageRegistry().currentTest = expect.getState().currentTestName ?? 'a test'
})

// Registered first, so with vitest's stacked hooks it runs after the test file's own afterEach.
afterEach(async () => {
  pageRegistry().currentTest = undefined
  // What the pages logged is already recorded; closing them first frees the CPU for the next test.
  await closeTestPages()
  const problems = checkRegisteredPages()
  if (problems) throw new Error(`The test's pages did what no test expects:\n${problems}`)
})

// The files share one worker (vitest.config.ts, isolate: false), so the registry outlives a file: the pages
// its beforeAll opened closed with its browser and are forgotten with it.
afterAll(() => {
  pageRegistry().pages = []
})
