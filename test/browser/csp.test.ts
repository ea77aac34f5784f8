// The Content-Security-Policy is on, and the app still works under it: a scene loads and enters XR on the
// emulated Quest 3 with no CSP violation, and the shipped Draco WebAssembly decoder and a blob: worker
// (how three's decoders and troika text run) are allowed, the KTX2 textures are transcoded, while an injected
// inline script is refused.
import { describe, expect, it } from 'vitest'
import { KTX2_WORKER_PATH } from '../../src/shared/ktx2-worker'
import { openAppPage, waitFor } from './harness'
import { browserAndServer } from './rig'
import { enterVR, frames, waitForSceneReady } from './xr-input'

const rig = browserAndServer()

/** Records every CSP violation the page reports, from the first script on. */
const RECORD_VIOLATIONS = () => {
  const seen: string[] = []
  ;(window as unknown as { __cspViolations: string[] }).__cspViolations = seen
  document.addEventListener('securitypolicyviolation', (e) =>
    seen.push(
      `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
    ),
  )
}

describe('Content-Security-Policy', () => {
  it('lets a scene load and enter XR with no violation, and refuses an injected script', async () => {
    const app = await openAppPage(rig.browser, rig.server.url, 'about:blank', { emulateQuest3: true })
    await app.context.addInitScript(RECORD_VIOLATIONS)
    const response = await app.page.goto(`${rig.server.url}/?scene=twin-park`)
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
    await waitForSceneReady(app.page, 'twin-park')
    await enterVR(app.page)
    await frames(app.page, 10)
    expect(await app.page.evaluate(() => window.__xrShowcase.xrMode)).toBe('immersive-vr')

    // What the decoders do, under this page's policy: compile the shipped Draco wasm, run a blob: worker.
    const decoders = await app.page.evaluate(async () => {
      const wasm = await fetch('/decoders/draco/draco_decoder.wasm').then((r) => r.arrayBuffer())
      const module = await WebAssembly.compile(wasm)
      const url = URL.createObjectURL(new Blob(['postMessage(6 * 7)'], { type: 'text/javascript' }))
      const answer = await new Promise((resolve, reject) => {
        const worker = new Worker(url)
        worker.onmessage = (e) => resolve(e.data)
        worker.onerror = (e) => reject(new Error(e.message))
      })
      return { imports: WebAssembly.Module.imports(module).length, answer }
    })
    expect(decoders.imports).toBeGreaterThan(0)
    expect(decoders.answer).toBe(42)
    // The roads' KTX2 texture was transcoded under this policy, by the one worker script allowed to
    // evaluate strings (its embind glue needs it); the page itself is not.
    await waitFor(app.page, 'look', (l) => l.texturedSurfaces.includes('twin-roads'), {
      what: "the roads' KTX2 texture transcoded and sampled",
    })
    const workerPolicy = (await fetch(`${rig.server.url}${KTX2_WORKER_PATH}`)).headers.get(
      'content-security-policy',
    )
    expect(workerPolicy).toContain("'unsafe-eval'")
    expect(response?.headers()['content-security-policy']).not.toContain("'unsafe-eval'")
    const violations = await app.page.evaluate(
      () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
    )
    expect(violations).toEqual([])
    expect(app.consoleErrors).toEqual([])
    expect(app.offOriginRequests).toEqual([])

    // The policy really is enforced: an injected inline script (what an XSS would add) does not run,
    // and Chromium reports the refusal on the console.
    app.expectConsoleErrors(/Executing inline script violates the following Content Security Policy/)
    const injected = await app.page.evaluate(async () => {
      const script = document.createElement('script')
      script.textContent = 'window.__injected = true'
      document.head.append(script)
      await new Promise((r) => requestAnimationFrame(r))
      return (window as unknown as { __injected?: boolean }).__injected === true
    })
    expect(injected).toBe(false)
    await expect
      .poll(() =>
        app.page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
      )
      .toEqual([expect.stringMatching(/^script-src-elem blocked inline/)])
    await app.context.close()
  })
})
