// Drives the IWER-emulated Quest 3 the way a visitor would: enter VR, aim a controller or hand at a
// point and pull the trigger, pinch, or poke with the index finger; and mouse clicks on 3D points
// for desktop. Positions are world coordinates; they are converted into the XR origin's space,
// which is where IWER poses its controllers and hands.
// Over 300 lines: every input (ray, pinch, poke, mouse, buttons, stick) shares the aiming and press-check code.
import type { Page } from 'playwright-core'
import { traceStep } from './harness'

export type Point = [number, number, number]
type Hand = 'left' | 'right'

interface IwerInput {
  position: { set(x: number, y: number, z: number): void }
  quaternion: { set(x: number, y: number, z: number, w: number): void }
  updateButtonValue?(id: string, value: number): void
  updateAxes?(id: string, x: number, y: number): void
  updatePinchValue?(value: number): void
  poseId?: string
}
interface IwerDevice {
  primaryInputMode: 'controller' | 'hand'
  controllers: Record<Hand, IwerInput>
  hands: Record<Hand, IwerInput>
  position: { x: number; y: number; z: number; set(x: number, y: number, z: number): void }
}
declare global {
  interface Window {
    __xrDevice: IwerDevice
  }
}

export async function waitForSceneReady(page: Page, sceneId?: string): Promise<void> {
  const started = Date.now()
  await page.waitForFunction(
    (id) => window.__xrShowcase?.ready === true && (!id || window.__xrShowcase.sceneId === id),
    sceneId,
    { timeout: 60_000 },
  )
  traceStep(`scene ready ${sceneId ?? ''}`, started)
}

/**
 * The window an emulated session draws into. IWER draws both eyes into the page's canvas, and software
 * GL pays per pixel: at 480×270 instead of 800×450 the tour's VR visit took 71 s instead of 161 s. Input
 * in XR aims rays at world points, and no test judges XR pixels, so only the cost changes (same 16:9).
 */
export const XR_TEST_VIEWPORT = process.env.SHOTS_DIR
  ? // Pictures kept for people (harness keepShot) need pixels to read text in.
    { width: 1280, height: 720 }
  : { width: 480, height: 270 }
const desktopViewport = new WeakMap<Page, { width: number; height: number }>()

/**
 * Presses 进入 VR and waits for the session's first frames. The canvas shrinks to XR_TEST_VIEWPORT first
 * (the session's buffer is sized when it starts) unless `keepViewport`; exitVR gives the window back.
 */
export async function enterVR(page: Page, { keepViewport = false } = {}): Promise<void> {
  const started = Date.now()
  const size = page.viewportSize()
  if (!keepViewport && size) {
    if (!desktopViewport.has(page)) desktopViewport.set(page, size)
    await page.setViewportSize(XR_TEST_VIEWPORT)
  }
  // Enabled once the 3D stage is mounted; Playwright waits for that before clicking.
  await page.getByRole('button', { name: /^(进入 VR|Enter VR)$/ }).click()
  await page.waitForFunction(() => window.__xrShowcase?.xrMode === 'immersive-vr', undefined, {
    timeout: 30_000,
  })
  await frames(page, 10)
  traceStep('entered VR, 10 frames', started)
}

/** Leaves VR the way a visitor would inside the headset: the in-VR menu's exit button. */
export async function exitVR(page: Page): Promise<void> {
  await controllerSelect(page, 'xr-menu:exit')
  await page.waitForFunction(() => window.__xrShowcase?.xrMode === null, undefined, { timeout: 30_000 })
  const size = desktopViewport.get(page)
  desktopViewport.delete(page)
  if (size) await page.setViewportSize(size)
}

/** Waits for a number of rendered frames (XR frames in a session, animation frames otherwise). */
export async function frames(page: Page, count = 5): Promise<void> {
  // One round trip: the page counts from its own frame number. A software-GL XR frame at the bench's page size
  // took 200 ms of wall time in a quick hour and over 600 ms in a slow one (the memorial's 300-frame warm-up
  // ran out of 180 s), so every 100 frames get 120 s: this only tells a stalled page from a slow one.
  const allowedMs = 120_000 * Math.max(1, Math.ceil(count / 100))
  const counted = await page.evaluate(
    ({ count, allowedMs }) =>
      new Promise<boolean>((resolve) => {
        const target = (window.__xrShowcase?.frame ?? 0) + count
        const deadline = performance.now() + allowedMs
        const poll = setInterval(() => {
          const done = (window.__xrShowcase?.frame ?? 0) >= target
          if (!done && performance.now() < deadline) return
          clearInterval(poll)
          resolve(done)
        }, 2)
      }),
    { count, allowedMs },
  )
  if (!counted) throw new Error(`${count} frames were not rendered within ${allowedMs / 1000} s`)
}

export async function worldPositionOf(page: Page, name: string): Promise<Point> {
  const p = await page.waitForFunction((n) => window.__xrShowcase?.worldPositionOf(n), name, {
    timeout: 30_000,
  })
  return (await p.jsonValue()) as Point
}

/**
 * Puts the input (controller or hand) near the head and points its ray at a world point, then waits four
 * frames for the pointer to follow, or less when `label` is given: until the control with that label logs
 * the pointer coming over it.
 */
export async function aimAt(
  page: Page,
  kind: 'controller' | 'hand',
  hand: Hand,
  target: Point,
  label: string | null = null,
): Promise<void> {
  await runInPageSelect(page, {
    kind,
    hand,
    ...targetParts(target),
    label,
    minFrames: 0,
    maxFrames: 4,
    press: false,
    check: false,
    since: 0,
  })
}

/**
 * A world point; the name of a 3D object whose current position is the target; or a named object and
 * an offset from it (a spot on a wide control). Named targets are followed until they stop moving and
 * are checked to have taken the press; a bare point is pressed as it is.
 */
export type Target = Point | string | { name: string; offset: Point }

/** The object a target names, if it names one. */
const nameOf = (target: Target): string | null =>
  typeof target === 'string' ? target : Array.isArray(target) ? null : target.name

/**
 * Where a named object is once it has stopped moving (lazily following menus glide into place
 * after a teleport), so a ray aimed at it still hits it when the trigger is pulled. Throws with the
 * positions it saw if the object is still moving after 30 checks.
 */
export async function settledPositionOf(page: Page, name: string): Promise<Point> {
  const seen: Point[] = [await worldPositionOf(page, name)]
  for (let i = 0; i < 30; i++) {
    await frames(page, 2)
    const now = await worldPositionOf(page, name)
    const previous = seen[seen.length - 1]
    if (Math.hypot(now[0] - previous[0], now[1] - previous[1], now[2] - previous[2]) < 0.003) return now
    seen.push(now)
  }
  const shown = seen.slice(-8).map((p) => `[${p.map((v) => v.toFixed(3)).join(', ')}]`)
  throw new Error(
    `"${name}" never settled: it moved 3 mm or more every 2 frames for 60 frames. Last positions: ${shown.join(' → ')}`,
  )
}

const describeTarget = (target: Target, point: Point) => {
  const name = nameOf(target)
  const at = `[${point.map((v) => v.toFixed(3)).join(', ')}]`
  return name ? `"${name}" at ${at}` : at
}

interface PointerState {
  frame: number
  logCount: number
  log: string[]
}

const pointerState = (page: Page): Promise<PointerState> =>
  page.evaluate(() => {
    const hooks = window.__xrShowcase
    return { frame: hooks.frame, logCount: hooks.pointerLogCount, log: hooks.pointerLog.slice(-12) }
  })

/** Whether a 3D control logged an event of this kind ("click:", "down:") since the log held `count` entries. */
async function loggedSince(page: Page, count: number, prefix: string): Promise<boolean> {
  return page.evaluate(
    ({ since, prefix }) => {
      const hooks = window.__xrShowcase
      const fresh = Math.min(hooks.pointerLogCount - since, hooks.pointerLog.length)
      return hooks.pointerLog.slice(hooks.pointerLog.length - fresh).some((e) => e.startsWith(prefix))
    },
    { since: count, prefix },
  )
}

/**
 * Whether the press clicked what was aimed at: 'hit' when the named target's control logged the
 * click (or, for a point or an unlabelled target, any control did), 'none' when nothing clicked, and
 * 'other' when a different control took it, which the caller reports rather than pressing again,
 * because that control's action has already run.
 */
function outcomeOf(clicks: string[], label: string | null): 'hit' | 'none' | 'other' {
  if (clicks.length === 0) return 'none'
  if (label === null) return 'hit'
  return clicks.some((e) => e.startsWith(`click:${label}`)) ? 'hit' : 'other'
}

const labelOf = (page: Page, target: Target): Promise<string | null> => {
  const name = nameOf(target)
  return name ? page.evaluate((n) => window.__xrShowcase.controlLabelOf(n), name) : Promise.resolve(null)
}

/**
 * The outcome of a press once a control has logged a click for it, or once `frames` more frames have
 * rendered without one: a hit returns at the frame that handled it instead of after a fixed count.
 */
async function clickOutcomeWithin(
  page: Page,
  count: number,
  label: string | null,
  frames: number,
): Promise<'hit' | 'none' | 'other'> {
  const handle = await page.waitForFunction(
    ({ since, until }) => {
      const hooks = window.__xrShowcase
      const fresh = Math.min(hooks.pointerLogCount - since, hooks.pointerLog.length)
      const clicks = hooks.pointerLog
        .slice(hooks.pointerLog.length - fresh)
        .filter((e) => e.startsWith('click:'))
      return clicks.length > 0 || hooks.frame >= until ? clicks : false
    },
    { since: count, until: (await page.evaluate(() => window.__xrShowcase.frame)) + frames },
    { timeout: 60_000, polling: 16 },
  )
  return outcomeOf((await handle.jsonValue()) as string[], label)
}

/** The error a press helper throws when no control registered the press: what was aimed, and what the log saw. */
async function missed(page: Page, what: string, start: PointerState): Promise<Error> {
  const end = await pointerState(page)
  const log = end.log.length > 0 ? end.log.map((e) => `    ${e}`).join('\n') : '    (empty)'
  return new Error(
    `${what}\n  frames: ${end.frame - start.frame} rendered during the attempt (frame ${start.frame} → ${end.frame})` +
      `\n  pointer log entries added: ${end.logCount - start.logCount}; the last ${end.log.length}:\n${log}`,
  )
}

interface InPageSelect {
  kind: 'controller' | 'hand'
  hand: Hand
  /** A named object (followed until it holds still, plus `offset`), or else `point` as it is. */
  name: string | null
  offset: Point
  point: Point
  /** The control's label: aiming ends early once it logs the pointer coming over it. */
  label: string | null
  /** Frames to wait after aiming at least (a retry's longer wait) and at most beyond that. */
  minFrames: number
  maxFrames: number
  /** Whether to press and release after aiming, and to wait for a click logged since `since`. */
  press: boolean
  check: boolean
  since: number
}

type InPageResult = { point: Point; clicks: string[] } | { error: string }

/**
 * One press as a single step inside the page: settle the target, aim, wait for the pointer, press for one
 * frame and wait for the click. A round trip from the test per step waits for the page's current frame
 * each time, and an emulated XR frame in software GL takes 0.3–1 s, so a press made of a dozen round
 * trips took 5–7 s; pages keep running their own frames meanwhile, so nothing here shortens what the
 * app is given.
 */
function inPageSelect(a: InPageSelect): Promise<InPageResult> {
  const hooks = window.__xrShowcase
  const device = window.__xrDevice
  const until = (done: () => boolean, timeoutMs = 30_000) =>
    new Promise<boolean>((resolve) => {
      const deadline = performance.now() + timeoutMs
      const poll = setInterval(() => {
        const ok = done()
        if (!ok && performance.now() < deadline) return
        clearInterval(poll)
        resolve(ok)
      }, 2)
    })
  const frames = (n: number) => {
    const target = hooks.frame + n
    return until(() => hooks.frame >= target, 60_000)
  }
  const logSince = (since: number) =>
    hooks.pointerLog.slice(
      hooks.pointerLog.length - Math.min(hooks.pointerLogCount - since, hooks.pointerLog.length),
    )
  return (async (): Promise<InPageResult> => {
    let point = a.point
    if (a.name) {
      const name = a.name
      if (!(await until(() => hooks.worldPositionOf(name) !== null)))
        return { error: `"${name}" is not in the scene` }
      let previous = hooks.worldPositionOf(name) as Point
      const seen = [previous]
      let settled: Point | null = null
      for (let i = 0; i < 30 && !settled; i++) {
        await frames(2)
        const now = hooks.worldPositionOf(name) ?? previous
        if (Math.hypot(now[0] - previous[0], now[1] - previous[1], now[2] - previous[2]) < 0.003)
          settled = now
        seen.push(now)
        previous = now
      }
      if (!settled) {
        const shown = seen.slice(-8).map((p) => `[${p.map((v) => v.toFixed(3)).join(', ')}]`)
        return {
          error: `"${name}" never settled: it moved 3 mm or more every 2 frames for 60 frames. Last positions: ${shown.join(' → ')}`,
        }
      }
      point = [settled[0] + a.offset[0], settled[1] + a.offset[1], settled[2] + a.offset[2]]
    }
    // Aim from beside the head along the shortest rotation taking the ray's forward (-Z) onto the target.
    const overSince = hooks.pointerLogCount
    device.primaryInputMode = a.kind
    const input = a.kind === 'controller' ? device.controllers[a.hand] : device.hands[a.hand]
    const local = hooks.toOriginSpace(point) ?? point
    const head = device.position
    const from: Point = [head.x + (a.hand === 'right' ? 0.15 : -0.15), head.y - 0.25, head.z - 0.1]
    const d = [local[0] - from[0], local[1] - from[1], local[2] - from[2]]
    const len = Math.hypot(d[0], d[1], d[2]) || 1
    const dir = [d[0] / len, d[1] / len, d[2] / len]
    const cross = [dir[1], -dir[0], 0] // (0, 0, -1) × dir
    const w = 1 - dir[2]
    const qlen = Math.hypot(cross[0], cross[1], cross[2], w) || 1
    input.position.set(...from)
    if (w < 1e-6) input.quaternion.set(0, 1, 0, 0)
    else input.quaternion.set(cross[0] / qlen, cross[1] / qlen, cross[2] / qlen, w / qlen)
    const aimedAt = hooks.frame
    const over = a.label === null ? null : `over:${a.label}:`
    await until(
      () =>
        hooks.frame >= aimedAt + a.minFrames + a.maxFrames ||
        (hooks.frame >= aimedAt + a.minFrames &&
          over !== null &&
          logSince(overSince).some((e) => e.startsWith(over))),
      60_000,
    )
    if (!a.press) return { point, clicks: [] }
    const set = (value: number) =>
      a.kind === 'controller'
        ? device.controllers[a.hand].updateButtonValue?.('trigger', value)
        : device.hands[a.hand].updatePinchValue?.(value)
    // Held for exactly one rendered frame.
    const pressedAt = hooks.frame
    set(1)
    await until(() => hooks.frame > pressedAt, 60_000)
    set(0)
    if (!a.check) {
      await frames(1)
      return { point, clicks: [] }
    }
    // The release is handled in the next frame, and the click with it; a busy machine may take two more.
    const releasedAt = hooks.frame
    const clicks = () => logSince(a.since).filter((e) => e.startsWith('click:'))
    await until(() => clicks().length > 0 || hooks.frame >= releasedAt + 3, 60_000)
    return { point, clicks: clicks() }
  })()
}

async function runInPageSelect(page: Page, args: InPageSelect): Promise<{ point: Point; clicks: string[] }> {
  const result = await page.evaluate(inPageSelect, args)
  if ('error' in result) throw new Error(result.error)
  return result
}

const targetParts = (target: Target): Pick<InPageSelect, 'name' | 'offset' | 'point'> =>
  Array.isArray(target)
    ? { name: null, offset: [0, 0, 0], point: target }
    : typeof target === 'string'
      ? { name: target, offset: [0, 0, 0], point: [0, 0, 0] }
      : { name: target.name, offset: target.offset, point: [0, 0, 0] }

export interface SelectOptions {
  /**
   * Whether the target is a platform control that logs its click (default true). Targets that log
   * nothing (the floor, a slider's track) get exactly one press and no check; the caller then waits
   * on the state.
   */
  logsClick?: boolean
}

/** Presses per select before a target that logs its clicks counts as missed. */
const SELECT_ATTEMPTS = 3

/**
 * Aims, presses and releases. For a target that logs its clicks (every control from the platform
 * kit), checks the log and presses again if nothing clicked, since a freshly switched input
 * (controller ↔ hand) needs a few frames before its pointer exists, and a busy machine can stretch
 * that; after the last miss it throws with the target, the frames rendered and the pointer log.
 * Callers do not retry on top of this.
 */
async function selectWith(
  page: Page,
  kind: 'controller' | 'hand',
  hand: Hand,
  target: Target,
  options: SelectOptions,
): Promise<void> {
  const start = await pointerState(page)
  const check = options.logsClick !== false
  const label = check ? await labelOf(page, target) : null
  const parts = targetParts(target)
  let point = parts.point
  for (let attempt = 1; attempt <= (check ? SELECT_ATTEMPTS : 1); attempt++) {
    const done = await runInPageSelect(page, {
      kind,
      hand,
      ...parts,
      label,
      // A retry waits longer for the pointer of a freshly switched input to exist.
      minFrames: 4 * (attempt - 1),
      maxFrames: 4,
      press: true,
      check,
      since: start.logCount,
    })
    point = done.point
    if (!check) return
    const outcome = outcomeOf(done.clicks, label)
    if (outcome === 'hit') return
    if (outcome === 'other')
      throw await missed(
        page,
        `${kind} ${hand} select on ${describeTarget(target, point)}: another control took the click meant for "${label}".`,
        start,
      )
  }
  throw await missed(
    page,
    `${kind} ${hand} select on ${describeTarget(target, point)}: no control logged a click after ${SELECT_ATTEMPTS} presses ` +
      '(pass { logsClick: false } if this target logs none).',
    start,
  )
}

/** Aims the controller's ray at the target and pulls and releases the trigger (select). */
export function controllerSelect(
  page: Page,
  target: Target,
  hand: Hand = 'right',
  options: SelectOptions = {},
): Promise<void> {
  return selectWith(page, 'controller', hand, target, options)
}

/** Hand tracking: points the hand's ray at the target and pinches (thumb to index) and releases. */
export function handPinchAt(
  page: Page,
  target: Target,
  hand: Hand = 'right',
  options: SelectOptions = {},
): Promise<void> {
  return selectWith(page, 'hand', hand, target, options)
}

/**
 * Hand tracking: the right index fingertip approaches the point from the visitor's side in 5 mm
 * steps and stops once a press registers, the way a real finger does, then withdraws. Jumping in
 * one move lets the hand's wider grab sphere win the pointer arbitration. Throws with the pointer
 * log if no control registered a press ("down:") by the time the tip is 1 cm past the point.
 */
export async function pokeAt(page: Page, target: Point): Promise<void> {
  await page.evaluate(() => {
    window.__xrDevice.primaryInputMode = 'hand'
    window.__xrDevice.hands.right.quaternion.set(0, 0, 0, 1)
  })
  await frames(page, 4)
  const camera = (await page.evaluate(() => window.__xrShowcase.cameraPosition())) as Point
  const len = Math.hypot(camera[0] - target[0], camera[2] - target[2]) || 1
  const toward: Point = [(camera[0] - target[0]) / len, 0, (camera[2] - target[2]) / len]
  const moveTipTo = (goal: Point) =>
    page.evaluate((g) => {
      const tip = window.__xrShowcase.indexTip
      const hand = window.__xrDevice.hands.right as unknown as {
        position: { x: number; y: number; z: number; set(x: number, y: number, z: number): void }
      }
      const localGoal = window.__xrShowcase.toOriginSpace(g) ?? g
      const localTip = tip
        ? (window.__xrShowcase.toOriginSpace(tip) ?? tip)
        : [hand.position.x, hand.position.y, hand.position.z]
      hand.position.set(
        hand.position.x + localGoal[0] - localTip[0],
        hand.position.y + localGoal[1] - localTip[1],
        hand.position.z + localGoal[2] - localTip[2],
      )
    }, goal)
  const at = (d: number): Point => [target[0] + toward[0] * d, target[1], target[2] + toward[2] * d]
  const start = await pointerState(page)
  for (let i = 0; i < 3; i++) {
    await moveTipTo(at(0.08))
    await frames(page, 3)
  }
  let pressed = false
  for (let d = 0.07; d >= -0.01 && !pressed; d -= 0.005) {
    await moveTipTo(at(d))
    await frames(page, 2)
    pressed = await loggedSince(page, start.logCount, 'down:')
  }
  if (!pressed) {
    const tip = await page.evaluate(() => window.__xrShowcase.indexTip)
    throw await missed(
      page,
      `poke at ${describeTarget(target, target)}: no control logged a press ("down:") with the index tip ` +
        `1 cm past it (tip last at ${tip ? `[${tip.map((v) => v.toFixed(3)).join(', ')}]` : 'unknown'}).`,
      start,
    )
  }
  await frames(page, 2)
  for (let i = 0; i < 3; i++) {
    await moveTipTo(at(0.15))
    await frames(page, 3)
  }
}

/**
 * Where a world point (or a named object) appears on the desktop screen once the picture has stopped
 * moving: a panel can be still in the world while the camera is still gliding or turning after a
 * teleport, and a click at a stale spot lands on whatever is there now. Throws with the positions it
 * saw if the point is still moving after 30 checks, or if it is not in view.
 */
export async function settledScreenPointOf(
  page: Page,
  target: Target,
): Promise<{ point: Point; screen: [number, number] }> {
  // One step inside the page (a round trip per check waits for the page's frame each time). The screen point
  // is what must hold still, so the world point is read as it is each time: a panel that follows the camera
  // moves in the world but not on the screen.
  const result = await page.evaluate(async ({ name, offset, point }) => {
    const hooks = window.__xrShowcase
    const waitFrames = (n: number) =>
      new Promise<void>((resolve) => {
        const target = hooks.frame + n
        const poll = setInterval(() => {
          if (hooks.frame < target) return
          clearInterval(poll)
          resolve()
        }, 2)
      })
    const sample = () => {
      const at = name ? hooks.worldPositionOf(name) : point
      const p: [number, number, number] | null = at && [
        at[0] + offset[0],
        at[1] + offset[1],
        at[2] + offset[2],
      ]
      return { point: p, screen: p && hooks.project(p) }
    }
    const seen = [sample()]
    for (let i = 0; i < 30; i++) {
      await waitFrames(2)
      const now = sample()
      const previous = seen[seen.length - 1].screen
      seen.push(now)
      if (now.screen && previous && Math.hypot(now.screen[0] - previous[0], now.screen[1] - previous[1]) < 1)
        return now
    }
    return { seen: seen.slice(-8) }
  }, targetParts(target))
  if ('seen' in result) {
    const shown = result.seen.map((s) =>
      s.screen ? `(${s.screen.map(Math.round).join(', ')})` : '(not in view)',
    )
    throw new Error(
      `${describeTarget(target, result.seen[0]?.point ?? [0, 0, 0])} did not hold still in view for 60 frames: ${shown.join(' → ')}`,
    )
  }
  return result as { point: Point; screen: [number, number] }
}

/** Desktop: the page pixel where a world point is drawn now; throws (naming `what`) if it is not in view. */
export async function screenPointOf(
  page: Page,
  point: Point,
  what = `[${point.join(', ')}]`,
): Promise<[number, number]> {
  const screen = (await page.evaluate((p) => window.__xrShowcase.project(p), point)) as
    | [number, number]
    | null
  if (!screen) throw new Error(`${what} is not in view`)
  return screen
}

/**
 * Desktop: clicks the screen point where a world point (or a named object) appears, once the picture
 * has settled. For a named target (or `logsClick: true`) it then checks that the target's control
 * logged the click, and throws with the pointer log if none did or another control took it;
 * `logsClick: false` skips the check.
 */
export async function mouseClickAt(page: Page, target: Target, options: SelectOptions = {}): Promise<void> {
  const { point, screen } = await settledScreenPointOf(page, target)
  const start = await pointerState(page)
  const label = await labelOf(page, target)
  await page.mouse.click(screen[0], screen[1])
  const check = options.logsClick ?? nameOf(target) !== null
  if (!check) {
    await frames(page, 4)
    return
  }
  const outcome = await clickOutcomeWithin(page, start.logCount, label, 4)
  if (outcome !== 'hit') {
    throw await missed(
      page,
      `mouse click on ${describeTarget(target, point)} (screen ${screen.map(Math.round).join(', ')}): ` +
        (outcome === 'other'
          ? `another control took the click meant for "${label}".`
          : 'no control logged a click (pass { logsClick: false } if this target logs none).'),
      start,
    )
  }
}

/** Presses and releases a controller button by its profile id (e.g. 'y-button'), a frame or two each. */
export async function pressControllerButton(page: Page, hand: Hand, id: string): Promise<void> {
  await page.evaluate(({ h, id }) => window.__xrDevice.controllers[h].updateButtonValue?.(id, 1), {
    h: hand,
    id,
  })
  await frames(page, 2)
  await page.evaluate(({ h, id }) => window.__xrDevice.controllers[h].updateButtonValue?.(id, 0), {
    h: hand,
    id,
  })
  await frames(page, 2)
}

/** Pushes a controller thumbstick (e.g. forward to aim a teleport), holds, then releases. */
export async function thumbstick(
  page: Page,
  hand: Hand,
  x: number,
  y: number,
  holdFrames = 6,
): Promise<void> {
  await page.evaluate(
    ({ hand, x, y }) => window.__xrDevice.controllers[hand].updateAxes?.('thumbstick', x, y),
    {
      hand,
      x,
      y,
    },
  )
  await frames(page, holdFrames)
  await page.evaluate((h) => window.__xrDevice.controllers[h].updateAxes?.('thumbstick', 0, 0), hand)
  await frames(page, 4)
}

/**
 * A transient pointer (Vision Pro gaze-and-pinch): IWER has no such device, so this adds a WebXR input
 * source with targetRayMode 'transient-pointer' through IWER's own classes, its ray from the head
 * towards the world point. Like the headset, the source exists only around the pinch: it appears,
 * is aimed for a few frames (the app's pointer for it must mount and intersect), then 'selectstart',
 * one frame later 'selectend' and 'select', then it disappears.
 */
export async function transientPointerSelect(page: Page, target: Point): Promise<void> {
  await page.evaluate((target) => {
    type Iwer = Record<string, unknown> & {
      P_DEVICE: symbol
      P_SPACE: symbol
      XRSpace: new (parent: unknown) => Record<symbol, { offsetMatrix: Float32Array }>
      XRInputSource: new (handedness: string, mode: string, profiles: string[], space: unknown) => unknown
    }
    const iwer = (window as unknown as { IWER: Iwer }).IWER
    const device = window.__xrDevice as unknown as Record<symbol, { globalSpace: unknown }> & {
      position: { x: number; y: number; z: number }
    }
    const space = new iwer.XRSpace(device[iwer.P_DEVICE].globalSpace)
    const local = window.__xrShowcase.toOriginSpace(target) ?? target
    const head = device.position
    const from = [head.x, head.y, head.z]
    const d = [local[0] - from[0], local[1] - from[1], local[2] - from[2]]
    const len = Math.hypot(d[0], d[1], d[2]) || 1
    // The ray's forward is -Z: build a rotation whose -Z column is the aim direction.
    const f = [d[0] / len, d[1] / len, d[2] / len]
    const zAxis = [-f[0], -f[1], -f[2]]
    const up = Math.abs(zAxis[1]) > 0.99 ? [0, 0, 1] : [0, 1, 0]
    const xRaw = [
      up[1] * zAxis[2] - up[2] * zAxis[1],
      up[2] * zAxis[0] - up[0] * zAxis[2],
      up[0] * zAxis[1] - up[1] * zAxis[0],
    ]
    const xl = Math.hypot(xRaw[0], xRaw[1], xRaw[2])
    const xAxis = xRaw.map((v) => v / xl)
    const yAxis = [
      zAxis[1] * xAxis[2] - zAxis[2] * xAxis[1],
      zAxis[2] * xAxis[0] - zAxis[0] * xAxis[2],
      zAxis[0] * xAxis[1] - zAxis[1] * xAxis[0],
    ]
    space[iwer.P_SPACE].offsetMatrix.set([...xAxis, 0, ...yAxis, 0, ...zAxis, 0, ...from, 1])
    const source = new iwer.XRInputSource('none', 'transient-pointer', ['generic-button'], space)
    const input = { connected: true, inputSource: source, onFrameStart() {} }
    const proto = Object.getPrototypeOf(device)
    const base = Object.getOwnPropertyDescriptor(proto, 'activeInputs')?.get
    if (!base) throw new Error('IWER changed: XRDevice has no activeInputs getter to extend')
    Object.defineProperty(device, 'activeInputs', {
      configurable: true,
      get() {
        return [...base.call(this), input]
      },
    })
    ;(window as unknown as { __transientSource: unknown }).__transientSource = source
  }, target)
  await frames(page, 6)
  const dispatch = (types: string[]) =>
    page.evaluate(
      (types) =>
        new Promise<void>((resolve) => {
          const iwer = (window as unknown as { IWER: Record<string, unknown> }).IWER
          const Event = iwer.XRInputSourceEvent as new (type: string, init: unknown) => Event
          const device = window.__xrDevice as unknown as {
            activeSession: {
              requestAnimationFrame(cb: (t: number, frame: unknown) => void): void
              dispatchEvent(e: Event): void
            }
          }
          const session = device.activeSession
          const inputSource = (window as unknown as { __transientSource: unknown }).__transientSource
          session.requestAnimationFrame((_, frame) => {
            for (const type of types) session.dispatchEvent(new Event(type, { frame, inputSource }))
            resolve()
          })
        }),
      types,
    )
  await dispatch(['selectstart'])
  await frames(page, 1)
  await dispatch(['selectend', 'select'])
  await frames(page, 2)
  await page.evaluate(() => {
    delete (window.__xrDevice as unknown as { activeInputs?: unknown }).activeInputs
  })
  await frames(page, 2)
}
