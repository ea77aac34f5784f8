// Drives the IWER-emulated Quest 3 the way a visitor would: enter VR, aim a controller or hand at a
// point and pull the trigger, pinch, or poke with the index finger; and mouse clicks on 3D points
// for desktop. Positions are world coordinates; they are converted into the XR origin's space,
// which is where IWER poses its controllers and hands.
import type { Page } from 'playwright-core'

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
  await page.waitForFunction(
    (id) => window.__xrShowcase?.ready === true && (!id || window.__xrShowcase.sceneId === id),
    sceneId,
    { timeout: 60_000 },
  )
}

export async function enterVR(page: Page): Promise<void> {
  // Enabled once the 3D stage is mounted; Playwright waits for that before clicking.
  await page.getByRole('button', { name: /^(进入 VR|Enter VR)$/ }).click()
  await page.waitForFunction(() => window.__xrShowcase?.xrMode === 'immersive-vr', undefined, {
    timeout: 30_000,
  })
  await frames(page, 10)
}

/** Leaves VR the way a visitor would inside the headset: the in-VR menu's exit button. */
export async function exitVR(page: Page): Promise<void> {
  await controllerSelect(page, 'xr-menu:exit')
  await page.waitForFunction(() => window.__xrShowcase?.xrMode === null, undefined, { timeout: 30_000 })
}

/** Waits for a number of rendered frames (XR frames in a session, animation frames otherwise). */
export async function frames(page: Page, count = 5): Promise<void> {
  const start = await page.evaluate(() => window.__xrShowcase?.frame ?? 0)
  await page.waitForFunction((target) => (window.__xrShowcase?.frame ?? 0) >= target, start + count, {
    timeout: 60_000,
    polling: 16,
  })
}

export async function worldPositionOf(page: Page, name: string): Promise<Point> {
  const p = await page.waitForFunction((n) => window.__xrShowcase?.worldPositionOf(n), name, {
    timeout: 30_000,
  })
  return (await p.jsonValue()) as Point
}

/** Puts the input (controller or hand) near the head and points its ray at a world point. */
export async function aimAt(
  page: Page,
  kind: 'controller' | 'hand',
  hand: Hand,
  target: Point,
): Promise<void> {
  await page.evaluate(
    ({ kind, hand, target }) => {
      const device = window.__xrDevice
      device.primaryInputMode = kind
      const input = kind === 'controller' ? device.controllers[hand] : device.hands[hand]
      const local = window.__xrShowcase.toOriginSpace(target) ?? target
      const head = device.position
      const from: [number, number, number] = [
        head.x + (hand === 'right' ? 0.15 : -0.15),
        head.y - 0.25,
        head.z - 0.1,
      ]
      const d = [local[0] - from[0], local[1] - from[1], local[2] - from[2]]
      const len = Math.hypot(d[0], d[1], d[2]) || 1
      const dir = [d[0] / len, d[1] / len, d[2] / len]
      // Shortest rotation taking the ray's forward (-Z) onto dir.
      const a = [0, 0, -1]
      const cross = [
        a[1] * dir[2] - a[2] * dir[1],
        a[2] * dir[0] - a[0] * dir[2],
        a[0] * dir[1] - a[1] * dir[0],
      ]
      const w = 1 + (a[0] * dir[0] + a[1] * dir[1] + a[2] * dir[2])
      const qlen = Math.hypot(cross[0], cross[1], cross[2], w) || 1
      input.position.set(...from)
      if (w < 1e-6) input.quaternion.set(0, 1, 0, 0)
      else input.quaternion.set(cross[0] / qlen, cross[1] / qlen, cross[2] / qlen, w / qlen)
    },
    { kind, hand, target },
  )
  await frames(page, 4)
}

/** A world point, or the name of a 3D object whose current position is the target. */
export type Target = Point | string

/**
 * Where a named object is once it has stopped moving (lazily following menus glide into place
 * after a teleport), so a ray aimed at it still hits it when the trigger is pulled.
 */
async function settledPositionOf(page: Page, name: string): Promise<Point> {
  let previous = await worldPositionOf(page, name)
  for (let i = 0; i < 30; i++) {
    await frames(page, 2)
    const now = await worldPositionOf(page, name)
    if (Math.hypot(now[0] - previous[0], now[1] - previous[1], now[2] - previous[2]) < 0.003) return now
    previous = now
  }
  return previous
}

async function resolveTarget(page: Page, target: Target): Promise<Point> {
  return typeof target === 'string' ? settledPositionOf(page, target) : target
}

const pointerLogCount = (page: Page) => page.evaluate(() => window.__xrShowcase.pointerLogCount)

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
 * Presses (trigger or pinch) for exactly one rendered XR frame. Press and release happen inside the
 * page, the release as soon as the frame that saw the press has run: a round trip from the test per
 * step would stretch the hold to several slow software-GL frames and past the click time limit.
 */
function pressForOneFrame(page: Page, kind: 'controller' | 'hand', hand: Hand): Promise<void> {
  return page.evaluate(
    ({ kind, hand }) =>
      new Promise<void>((resolve) => {
        const device = window.__xrDevice
        const set = (value: number) =>
          kind === 'controller'
            ? device.controllers[hand].updateButtonValue?.('trigger', value)
            : device.hands[hand].updatePinchValue?.(value)
        const pressedAt = window.__xrShowcase.frame
        set(1)
        const poll = setInterval(() => {
          if (window.__xrShowcase.frame <= pressedAt) return
          clearInterval(poll)
          set(0)
          resolve()
        }, 2)
      }),
    { kind, hand },
  )
}

/**
 * Aims, presses and releases, and checks that a 3D control registered the click; if none did, tries
 * again the way a visitor would. A freshly switched input (controller ↔ hand) needs a few frames
 * before its pointer exists, and a busy machine can stretch that; every control built from the
 * platform kit logs its clicks, so a miss is visible. Targets that log nothing (the floor, sliders)
 * get the same press up to three times, which is harmless for them.
 */
async function selectWith(
  page: Page,
  kind: 'controller' | 'hand',
  hand: Hand,
  target: Target,
): Promise<void> {
  const before = await pointerLogCount(page)
  for (let attempt = 1; attempt <= 3; attempt++) {
    await aimAt(page, kind, hand, await resolveTarget(page, target))
    // A retry waits longer for the pointer of a freshly switched input to exist.
    await frames(page, 4 * (attempt - 1))
    await pressForOneFrame(page, kind, hand)
    // The release is handled in the next frame, and the click with it.
    await frames(page, 1)
    if (await loggedSince(page, before, 'click:')) return
    await frames(page, 2)
    if (await loggedSince(page, before, 'click:')) return
  }
}

export interface SelectOptions {
  /**
   * Whether the target is a platform control that logs its click (default true). Targets that log
   * nothing (the floor, a slider's track) get exactly one press; the caller then waits on the state.
   */
  logsClick?: boolean
}

/** Aims the controller's ray at the target and pulls and releases the trigger (select). */
export function controllerSelect(
  page: Page,
  target: Target,
  hand: Hand = 'right',
  _options: SelectOptions = {},
): Promise<void> {
  return selectWith(page, 'controller', hand, target)
}

/** Hand tracking: points the hand's ray at the target and pinches (thumb to index) and releases. */
export function handPinchAt(
  page: Page,
  target: Target,
  hand: Hand = 'right',
  _options: SelectOptions = {},
): Promise<void> {
  return selectWith(page, 'hand', hand, target)
}

/**
 * Hand tracking: the right index fingertip approaches the point from the visitor's side in 5 mm
 * steps and stops once a press registers, the way a real finger does, then withdraws. Jumping in
 * one move lets the hand's wider grab sphere win the pointer arbitration.
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
  const before = await pointerLogCount(page)
  for (let i = 0; i < 3; i++) {
    await moveTipTo(at(0.08))
    await frames(page, 3)
  }
  for (let d = 0.07; d >= -0.01; d -= 0.005) {
    await moveTipTo(at(d))
    await frames(page, 2)
    const pressed = await loggedSince(page, before, 'down:')
    if (pressed) break
  }
  await frames(page, 2)
  for (let i = 0; i < 3; i++) {
    await moveTipTo(at(0.15))
    await frames(page, 3)
  }
}

/** Desktop: clicks the screen point where a world point (or a named object) appears. */
export async function mouseClickAt(page: Page, target: Target): Promise<void> {
  const point = await resolveTarget(page, target)
  const screen = (await page.evaluate((p) => window.__xrShowcase.project(p), point)) as
    | [number, number]
    | null
  if (!screen) throw new Error(`point ${point.join(',')} (${String(target)}) is not in view`)
  await page.mouse.click(screen[0], screen[1])
  await frames(page, 4)
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
