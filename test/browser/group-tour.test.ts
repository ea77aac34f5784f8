// Issue 13 item 4 end to end: a docent and two visitors, real pages on the real
// server. The docent opens a group from the tour console, the visitors join by the QR code's link, the
// docent's next stop reaches both, the docent's pointer shows on a visitor's page, a card the docent
// opens opens (and is read out) for the following visitors, and a visitor who stepped out stays where
// they are when the docent moves on and catches up on stepping back in; in a headset, a visitor's compact group panel
// stands clear of the XR menu that shares its view slot, reads at ≥ 0.9°, and steps out and back in by ray.
// Only the tour's, the narration's and the layout's debug views are read; real buttons are pressed (mouse,
// controller ray), except the docent's exhibit card, opened by the tour's test hook.
import { describe, expect, it } from 'vitest'
import {
  checkLayout,
  type LayoutBox,
  type LayoutView,
  quadsOverlap,
} from '../../src/platform/ui/layout-rules'
import { type AppPage, type OpenPageOptions, openAppPage, waitFor } from './harness'
import { browserAndServer } from './rig'
import { controllerSelect, enterVR, mouseClickAt, waitForSceneReady } from './xr-input'

const rig = browserAndServer()
const started = Date.now()
/** Marks progress in the log, so a slow or stuck step shows where the time went. */
const mark = (what: string) =>
  console.log(`[group-tour ${((Date.now() - started) / 1000).toFixed(1)} s] ${what}`)
const SMALL = { width: 640, height: 360 }
/** GROUP_SHOTS=<dir> keeps screenshots of the panels for a person to look at (not part of the check). */
const shot = async (app: AppPage, name: string) => {
  if (process.env.GROUP_SHOTS)
    await app.page.screenshot({ path: `${process.env.GROUP_SHOTS}/${name}-${lang}.png` })
}
/** GROUP_LANG=zh runs the same visit in Chinese (for the screenshots); English by default. */
const lang = process.env.GROUP_LANG ?? 'en'
const quad = (b: LayoutBox) => b.quad ?? []

/**
 * The texts drawn on a panel (by its path's last name) and what the layout rules say about the panel:
 * each text's cap against the view's floor (0.9° in XR), and nothing past the panel or overlapping it.
 * (Not "outside the view": the left slot's lower half lies past the probe's ±32° box, since the slots'
 * frame looks 12° down; a platform matter the README's layout paragraph records.)
 */
function panelReading(layout: LayoutView, panel: string) {
  const texts = layout.texts.filter((t) => t.path.split('/').includes(panel))
  return {
    texts: texts.map((t) => `${t.text} ${t.cap.toFixed(2)}`),
    small: texts.filter((t) => t.cap < layout.minCap).map((t) => `"${t.text}" ${t.cap.toFixed(2)}°`),
    problems: checkLayout(layout)
      .filter((p) => p.rule !== 'outside-view' && p.what.includes(`/${panel}`))
      .map((p) => `${p.rule}: ${p.what}`),
  }
}

/** One of the tour's test actions on `app`'s page (window.__xrShowcase.act). */
const tourAct = (app: AppPage, action: string, ...args: unknown[]) =>
  app.page.evaluate(([a, rest]) => window.__xrShowcase.act('tour', a, ...rest), [action, args] as const)

async function scenePage(path: string, options: OpenPageOptions = {}): Promise<AppPage> {
  const app = await openAppPage(rig.browser, rig.server.url, path, { viewport: SMALL, ...options })
  await waitForSceneReady(app.page, 'red-tourism')
  return app
}

describe('docent-led group tour', () => {
  it('a docent opens a group, two visitors join by its link, stops follow the docent, a visitor steps out', async () => {
    const docent = await scenePage(`/?scene=red-tourism&lang=${lang}`)
    mark('docent page ready')
    await mouseClickAt(docent.page, 'tour:group')
    mark('group panel open')
    await mouseClickAt(docent.page, 'group:lead')
    const opened = await waitFor(
      docent.page,
      'tour',
      (t) => t.group.role === 'docent' && t.group.code !== null && t.group.qrText !== null,
      { what: 'the docent has a group code and its QR code' },
    )
    const code = opened.group.code ?? ''
    expect(code).toMatch(/^[A-Z2-9]{5}$/)
    // The QR code carries the link the visitors open.
    const qr = opened.group.qrText
    // (Chinese is the default language, so its link carries none.)
    expect(qr).toBe(
      `${rig.server.url}/?scene=red-tourism&group=${code}${lang === 'zh' ? '' : `&lang=${lang}`}`,
    )
    const link = new URL(String(qr)).search
    mark(`group ${code} open`)
    await shot(docent, 'docent')

    // Visitor a wears an (emulated) headset at the end.
    const [a, b] = await Promise.all([scenePage(`/${link}`, { emulateQuest3: true }), scenePage(`/${link}`)])
    for (const v of [a, b])
      await waitFor(v.page, 'tour', (t) => t.group.role === 'visitor' && t.group.code === code, {
        what: 'the visitor is in the group',
      })
    await waitFor(docent.page, 'tour', (t) => t.group.members === 3 && t.group.following === 2, {
      what: 'three devices in the group',
    })
    mark('visitors joined')
    await shot(a, 'visitor')

    await mouseClickAt(docent.page, 'tour:next')
    await waitFor(docent.page, 'tour', (t) => t.stopIndex === 0, { what: 'the docent at stop 0' })
    for (const v of [a, b])
      await waitFor(v.page, 'tour', (t) => t.stopIndex === 0, {
        what: "the visitor follows to the docent's stop 0",
      })

    mark('stop 0 reached both')
    // The docent points into the hall: the point reaches the visitors as a marker.
    const spot = await docent.page.evaluate(
      ({ w, h }) => {
        // A point of the docent's view where the nearest thing is part of the hall (not a panel).
        for (let y = 0.35; y <= 0.8; y += 0.05)
          for (let x = 0.05; x <= 0.95; x += 0.05) {
            // Not under the page's own bar or hints: the canvas must get the mouse there.
            if (!(document.elementFromPoint(x * w, y * h) instanceof HTMLCanvasElement)) continue
            const hit = window.__xrShowcase.objectsAt(x * w, y * h).find((o) => o.shown)
            if (hit?.path.includes('tour-world')) return [x * w, y * h]
          }
        return null
      },
      { w: SMALL.width, h: SMALL.height },
    )
    expect(spot, 'part of the hall in the docent view').not.toBeNull()
    await docent.page.mouse.move((spot?.[0] ?? 0) - 4, spot?.[1] ?? 0)
    await docent.page.mouse.move(spot?.[0] ?? 0, spot?.[1] ?? 0, { steps: 3 })
    await waitFor(docent.page, 'tour', (t) => t.group.ownPointer !== null, {
      what: "the docent's pointer meets the hall",
    })
    const pointed = await waitFor(a.page, 'tour', (t) => t.group.docentMarker !== null, {
      what: "the docent's pointer marker on a visitor's page",
    })
    expect(pointed.group.docentMarker?.every(Number.isFinite)).toBe(true)

    mark('pointer seen')
    await mouseClickAt(b.page, 'group:follow')
    await waitFor(b.page, 'tour', (t) => !t.group.selfFollowing, { what: 'the visitor stepped out' })
    await waitFor(docent.page, 'tour', (t) => t.group.following === 1, {
      what: 'one visitor still following',
    })

    await mouseClickAt(docent.page, 'tour:next')
    await waitFor(a.page, 'tour', (t) => t.stopIndex === 1, { what: 'the following visitor at stop 1' })
    // The group's stop reached the visitor who stepped out too; their own tour stayed at stop 0.
    const out = await waitFor(b.page, 'tour', (t) => t.group.stopIndex === 1, { what: 'the group at stop 1' })
    expect(out.stopIndex).toBe(0)

    mark('stepped-out visitor stayed')
    await shot(b, 'visitor-stepped-out')
    // The exhibit card the docent opens opens on the following visitor's page, and is read out there too;
    // the visitor who stepped out keeps their own view.
    // Once the guide tells the stop on both devices (a card opened while it walks there is cut off by its
    // arrival's story). (Opened through the tour's test hook: pressing a hotspot is tour.test's part.)
    for (const p of [docent, a])
      await waitFor(p.page, 'tour', (t) => t.phase === 'narrating' || t.phase === 'presented', {
        what: 'the guide telling stop 1',
      })
    await tourAct(docent, 'openHotspot', 0)
    await waitFor(docent.page, 'tour', (t) => t.card === 'hs-first-shot', { what: "the docent's card" })
    await waitFor(a.page, 'tour', (t) => t.card === 'hs-first-shot', {
      what: "the docent's card open on the following visitor's page",
    })
    await waitFor(a.page, 'narration', (n) => /\/exhibit-hs-first-shot\./.test(n.file ?? ''), {
      what: "the card read out on the following visitor's page",
    })
    expect((await waitFor(b.page, 'tour', () => true)).card).toBeNull()
    mark('card reached the following visitor')
    // Back in: taken to the docent's stop, with what the docent has open there.
    await mouseClickAt(b.page, 'group:follow')
    await waitFor(
      b.page,
      'tour',
      (t) => t.group.selfFollowing && t.stopIndex === 1 && t.card === 'hs-first-shot',
      { what: "the visitor back in the group at the docent's stop, the docent's card open" },
    )
    await tourAct(docent, 'closeCard')
    for (const v of [a, b])
      await waitFor(v.page, 'tour', (t) => t.card === null, {
        what: "the docent's card closed for the group",
      })

    // Gather: the following visitors are brought to stand around the docent, at the gather arc's radius.
    const floorGap = async () => {
      const [v, d] = await Promise.all(
        [a, docent].map((p) => p.page.evaluate(() => window.__xrShowcase.cameraPosition())),
      )
      return v && d ? Math.hypot(v[0] - d[0], v[2] - d[2]) : Number.NaN
    }
    expect(await floorGap(), 'the visitor at the stop with the docent before the gather').toBeLessThan(1)
    await mouseClickAt(docent.page, 'group:gather')
    await expect.poll(floorGap, { message: 'the visitor gathered around the docent' }).toBeCloseTo(1.8, 1)
    mark('gathered')

    // In a headset the visitor's group panel and the XR menu share the left view slot: stacked, not on
    // top of each other (the layout probe's projected corners, in degrees of the visitor's view).
    mark('visitor back in')
    // The other visitor's page has done its part; closed, it leaves the headset page the CPU.
    await b.context.close()
    // (Screenshots of the headset view at a size a person can read.)
    if (process.env.GROUP_SHOTS) await a.page.setViewportSize({ width: 1280, height: 720 })
    await enterVR(a.page, { keepViewport: !!process.env.GROUP_SHOTS })
    const layout = await waitFor(
      a.page,
      'layout',
      // troika lays text out in a worker, a frame or more after its panel shows: wait for the texts too.
      (l) =>
        ['xr-menu', 'group-panel'].every((n) => l.boxes.some((b) => b.path.endsWith(n) && b.quad)) &&
        panelReading(l, 'group-panel').texts.length >= 3,
      { what: "the XR menu and the group panel in the layout, the panel's texts laid out" },
    )
    await shot(a, 'visitor-xr')
    const panel = (n: string) =>
      layout.boxes.find((b) => b.path.endsWith(n) && b.kind === 'panel') as LayoutBox
    const [menu, group] = [panel('xr-menu'), panel('group-panel')]
    expect([menu.slot, group.slot]).toEqual(['left', 'left'])
    expect(
      quadsOverlap(quad(menu), quad(group), 0),
      `${JSON.stringify(menu.rect)} ${JSON.stringify(group.rect)}`,
    ).toBe(false)
    // The menu first (y grows downwards): it keeps its place while the group panel comes and goes. Centres,
    // since panels off to the side project as slanted quads whose bounding rects overlap a little.
    const centreY = (box: LayoutBox) => (box.rect.y0 + box.rect.y1) / 2
    expect(centreY(menu)).toBeLessThan(centreY(group))
    mark('group panel clear of the XR menu')

    // Its compact headset form reads at ≥ 0.9° (status, Step out, Details), nothing past its edges.
    const reading = panelReading(layout, 'group-panel')
    mark(`group panel text caps (°): ${reading.texts.join(', ')}`)
    expect(reading.texts.length, reading.texts.join(', ')).toBeGreaterThanOrEqual(3)
    expect(reading.small, reading.texts.join(', ')).toEqual([])
    expect(reading.problems).toEqual([])
    // Step out and back in by the controller's ray and trigger, as a visitor in a headset does.
    await controllerSelect(a.page, 'group:follow')
    await waitFor(a.page, 'tour', (t) => !t.group.selfFollowing, { what: 'stepped out by ray in XR' })
    await shot(a, 'visitor-xr-out')
    await controllerSelect(a.page, 'group:follow')
    await waitFor(a.page, 'tour', (t) => t.group.selfFollowing && t.stopIndex === 1, {
      what: "back in the group by ray in XR, at the docent's stop",
    })
    // The details on demand (code, voice, Leave) in the centre, legible too.
    await controllerSelect(a.page, 'group:details')
    const details = await waitFor(
      a.page,
      'layout',
      (l) =>
        l.boxes.some((b) => b.path.endsWith('group-details') && b.quad) &&
        panelReading(l, 'group-details').texts.length >= 5,
      { what: "the group's details in the layout, their texts laid out" },
    )
    await shot(a, 'visitor-xr-details')
    const more = panelReading(details, 'group-details')
    mark(`details text caps (°): ${more.texts.join(', ')}`)
    expect(more.texts.length, more.texts.join(', ')).toBeGreaterThanOrEqual(5)
    expect(more.small, more.texts.join(', ')).toEqual([])
    expect(more.problems).toEqual([])
    mark('compact group panel legible and working by ray')
    // Three pages load and draw the memorial at once on software GL (one of them in XR): under a loaded
    // machine the whole visit took 185-200 s, so 200 s was no margin. Every wait above is on a condition.
  }, 300_000)
})
