// The test browser's --disable-features: Chromium reads only the last one it is given, so the harness's
// must repeat Playwright's own list, and it must keep the address bar's WebUI popups from starting a
// renderer for every test page.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { chromium } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  ADDRESS_BAR_POPUP_FEATURES,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  PLAYWRIGHT_DISABLED_FEATURES,
} from '../../browser/harness'

const require = createRequire(import.meta.url)

/** The feature names in the installed playwright-core's `disabledFeatures = [ … ]`. */
function playwrightDisabledFeatures(): string[] {
  const bundle = readFileSync(
    join(dirname(require.resolve('playwright-core/package.json')), 'lib/coreBundle.js'),
    'utf8',
  )
  const list = /disabledFeatures = \[([\s\S]*?)\]\.filter/.exec(bundle)?.[1]
  if (!list)
    throw new Error(
      "playwright-core's launcher no longer has a `disabledFeatures` list where this test reads it",
    )
  return [...list.replace(/\/\/.*$/gm, '').matchAll(/"([^"]+)"/g)].map((m) => m[1]!)
}

describe("the test browser's disabled features", () => {
  it("repeat every feature the installed Playwright turns off, and add the address bar's popups", () => {
    expect([...PLAYWRIGHT_DISABLED_FEATURES]).toEqual(playwrightDisabledFeatures())
    const flags = CHROMIUM_ARGS.filter((a) => a.startsWith('--disable-features='))
    expect(flags).toHaveLength(1)
    const ours = flags[0]!.slice('--disable-features='.length).split(',')
    expect(ours).toEqual(
      expect.arrayContaining([...PLAYWRIGHT_DISABLED_FEATURES, ...ADDRESS_BAR_POPUP_FEATURES]),
    )
  })

  it('open a test page without the address bar WebUI the browser otherwise starts beside it', async () => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
    })
    try {
      const page = await browser.newPage()
      await page.goto('about:blank')
      const cdp = await browser.newBrowserCDPSession()
      const { targetInfos } = (await cdp.send('Target.getTargets')) as {
        targetInfos: { type: string; url: string }[]
      }
      expect(targetInfos.map((t) => `${t.type} ${t.url}`)).toEqual(['page about:blank'])
    } finally {
      await browser.close()
    }
  })
})
