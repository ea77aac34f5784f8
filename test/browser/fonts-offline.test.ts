// Chinese without system fonts, and without the network: in a Chromium that has no CJK font (CI's, and
// this machine's: `fc-list :lang=zh` lists none), the lobby and the settings dialog draw every Chinese
// character with the page's shipped faces (public/fonts/fonts.css), never a system fallback or tofu;
// and rare characters typed into the hall's search are drawn by troika from the fallback data this
// server ships, with not one request to another origin (the harness blocks and records them) and no
// failed font request on this one.
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { type AppPage, openAppPage } from './harness'
import { browserAndServer } from './rig'
import { frames, mouseClickAt, waitForSceneReady } from './xr-input'

const rig = browserAndServer()

const VIEWPORT = { width: 800, height: 450 }

/** The CJK fonts fontconfig offers Chromium here; the claim is tested where this is empty. */
function systemChineseFonts(): string[] {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).split('\n').filter(Boolean)
  } catch {
    return []
  }
}

interface PlatformFont {
  familyName: string
  isCustomFont: boolean
  glyphCount: number
}

/**
 * For every element whose own text holds Chinese, the fonts Chromium actually drew that text with
 * (DevTools' CSS.getPlatformFontsForNode): web fonts report isCustomFont, system fonts do not.
 */
async function fontsOfChineseText(app: AppPage): Promise<Array<{ text: string; fonts: PlatformFont[] }>> {
  const { page } = app
  const count = await page.evaluate(() => {
    let n = 0
    for (const el of document.querySelectorAll('body *')) {
      const own = [...el.childNodes]
        .filter((c) => c.nodeType === Node.TEXT_NODE)
        .map((c) => c.textContent ?? '')
        .join('')
      const style = getComputedStyle(el)
      if (!/\p{Script=Han}/u.test(own) || style.display === 'none' || style.visibility === 'hidden') continue
      el.setAttribute('data-font-probe', String(n++))
    }
    return n
  })
  const cdp = await app.context.newCDPSession(page)
  await cdp.send('DOM.enable')
  await cdp.send('CSS.enable')
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 })
  const out: Array<{ text: string; fonts: PlatformFont[] }> = []
  for (let i = 0; i < count; i++) {
    const { nodeId } = await cdp.send('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: `[data-font-probe="${i}"]`,
    })
    if (!nodeId)
      throw new Error(`probed element ${i} is gone: the page re-rendered while its fonts were read`)
    const { fonts } = (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })) as { fonts: PlatformFont[] }
    const text = await page.evaluate(
      (k) => document.querySelector(`[data-font-probe="${k}"]`)?.textContent,
      i,
    )
    out.push({ text: (text ?? '').slice(0, 40), fonts })
  }
  await cdp.detach()
  return out
}

async function expectOnlyShippedFaces(app: AppPage, where: string): Promise<void> {
  await app.page.evaluate(() => document.fonts.ready)
  const probed = await fontsOfChineseText(app)
  expect(probed.length, `${where}: elements with Chinese text`).toBeGreaterThan(0)
  const system = probed.filter((p) => p.fonts.some((f) => !f.isCustomFont))
  expect(system, `${where}: Chinese text drawn with a system font (or tofu)`).toEqual([])
}

const RARE = {
  /** Outside the subset, inside the fallback data (fontsource's Noto Sans SC range files). */
  covered: ['龘', '鱻', '🍵', '❤'],
  /** In no font the app ships (CJK Extension A and B): drawn blank, but still never fetched from elsewhere. */
  uncovered: ['㐀', '𠀀'],
}

describe('Chinese in the page without system fonts, offline', () => {
  it('the lobby and the settings dialog draw their Chinese with the shipped faces', async () => {
    console.log(`[fonts] CJK system fonts here: ${systemChineseFonts().length || 'none'}`)
    const app = await openAppPage(rig.browser, rig.server.url, '/', { viewport: VIEWPORT })
    const { page } = app
    await page.locator('#lobby-title').waitFor()
    // The scene cards arrive from the server; probe once they are in, so React replaces nothing meanwhile.
    await page.locator('ul.cards > li').first().waitFor()
    const faces = await page.evaluate(async () => {
      await document.fonts.ready
      return [...document.fonts].map((f) => ({ family: f.family.replace(/"/g, ''), status: f.status }))
    })
    expect(faces).toContainEqual({ family: 'XR Showcase Sans', status: 'loaded' })
    await expectOnlyShippedFaces(app, 'lobby')

    await page.getByRole('button', { name: /设置/ }).first().click()
    await page.getByRole('dialog').waitFor()
    await expectOnlyShippedFaces(app, 'settings dialog')
    expect(app.offOriginRequests).toEqual([])
    await app.context.close()
  })

  it("rare characters typed into the hall's search render from this server's fallback data, with no outside request", {
    timeout: 180_000,
  }, async () => {
    const app = await openAppPage(rig.browser, rig.server.url, '/?scene=gov-hall', { viewport: VIEWPORT })
    const { page } = app
    await waitForSceneReady(page, 'gov-hall')
    await frames(page, 4)
    await mouseClickAt(page, 'sh:search')
    const typed = [...RARE.covered, ...RARE.uncovered].join('')
    const field = page.locator('input[data-service-hall="typing"]')
    await field.fill(typed)
    // UiText may wrap the line; compare without whitespace.
    const drawn = await page
      .waitForFunction(
        (t) =>
          window.__xrShowcase
            .view('ui')
            ?.glyphsUnder('sh:search-text')
            ?.find((g) => g.text.replace(/\s/g, '') === t) ?? null,
        typed,
        { timeout: 60_000 },
      )
      .catch(async (error: Error) => {
        const seen = await page.evaluate(() => ({
          texts: window.__xrShowcase.view('ui')?.textsUnder('sh:search-text'),
          typeset: window.__xrShowcase.view('ui')?.glyphsUnder('sh:search-text'),
        }))
        throw new Error(
          `${error.message}\nthe search field showed ${JSON.stringify(seen)}` +
            `\nfont responses that failed: ${JSON.stringify(app.failedResponses)}` +
            `\noff-origin requests: ${JSON.stringify(app.offOriginRequests)}\nconsole errors: ${JSON.stringify(app.consoleErrors)}`,
        )
      })
    const { atlasIndices } = (await drawn.jsonValue()) as { atlasIndices: number[] }
    // Each covered character is its own glyph: tofu (the .notdef box) would share one atlas slot, so
    // four covered characters drawn as tofu would leave fewer than four distinct slots.
    expect(atlasIndices.length, JSON.stringify(atlasIndices)).toBeGreaterThanOrEqual(RARE.covered.length)
    expect(new Set(atlasIndices).size, JSON.stringify(atlasIndices)).toBeGreaterThanOrEqual(
      RARE.covered.length,
    )
    expect(app.offOriginRequests).toEqual([])
    expect(app.failedResponses.filter((r) => r.includes('/fonts/'))).toEqual([])
    await app.context.close()
  })
})
