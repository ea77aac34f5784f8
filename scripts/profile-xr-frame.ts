// `npx tsx scripts/profile-xr-frame.ts <scene>`: where an XR frame's main-thread CPU goes. Opens the scene
// in an emulated Quest 3 at the bench's page size, samples 120 XR frames with the CDP profiler (50 µs)
// and prints self and total time per function, so a bench regression can be traced to its code.
// Point TEST_DIST_DIR at an unminified build (`vite build --minify false`) to read the names.
// It first runs PROFILE_WARMUP (300) frames unsampled, as the bench does, so it profiles the steady frame.
// PROFILE_CHILDREN=fn splits one function's time by what it called (e.g. `update`: render against the rest).
import { readFileSync, writeFileSync } from 'node:fs'
import { frames } from '../test/browser/xr-input'
import { runInHeadsetMode } from './headset-page'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

/**
 * Counts only samples inside this function: by default R3F's XR frame (callbacks and render). IWER's own
 * frame and its GPU stalls come first. `PROFILE_ROOT=onAnimationFrame` widens it to three's whole session
 * callback, the span the bench's frame CPU measures (three's view-pose update, IWER's pose emulation).
 */
const FRAME_ROOT = process.env.PROFILE_ROOT ?? 'handleXRFrame'

function summarize(profile: Profile, top = Number(process.env.PROFILE_TOP ?? 45)) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const name = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  let all = 0
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0
    const node = byId.get(id)!
    let inFrame = false
    for (let cur: number | undefined = id; cur !== undefined && !inFrame; cur = parent.get(cur))
      inFrame = byId.get(cur)!.callFrame.functionName === FRAME_ROOT
    if (!inFrame) return
    all += dt
    self.set(name(node), (self.get(name(node)) ?? 0) + dt)
    const seen = new Set<string>()
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const key = name(byId.get(cur)!)
      if (seen.has(key)) continue
      seen.add(key)
      total.set(key, (total.get(key) ?? 0) + dt)
    }
  })
  const print = (label: string, map: Map<string, number>) => {
    console.log(`\n${label} (of ${(all / 1000).toFixed(0)} ms sampled in ${FRAME_ROOT})`)
    for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`${((100 * v) / all).toFixed(1).padStart(5)} %  ${k}`)
  }
  print('self', self)
  print('total', total)
  // PROFILE_CHILDREN=name: that function's time split by what it called directly (and its own self time).
  const parentName = process.env.PROFILE_CHILDREN
  if (parentName) {
    const children = new Map<string, number>()
    profile.samples.forEach((id, i) => {
      let below: number | undefined
      for (let cur: number | undefined = id; cur !== undefined; below = cur, cur = parent.get(cur)) {
        if (!name(byId.get(cur)!).startsWith(`${parentName} `)) continue
        const key = below === undefined ? '(self)' : name(byId.get(below)!)
        children.set(key, (children.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0))
        break
      }
    })
    print(`children of ${parentName}`, children)
  }
  // PROFILE_CALLERS=name: the call paths (five frames up) of the samples inside that function.
  const target = process.env.PROFILE_CALLERS
  if (!target) return
  const paths = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const stack: string[] = []
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur))
      stack.push(name(byId.get(cur)!))
    const at = stack.findIndex((f) => f.startsWith(`${target} `))
    if (at < 0 || !stack.some((f) => f.startsWith(`${FRAME_ROOT} `))) return
    const key = stack.slice(at, at + 6).join(' < ')
    paths.set(key, (paths.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0))
  })
  print(`callers of ${target}`, paths)
}

// PROFILE_MODE=ar: the kind's AR presentation placed on the synthetic office's table, as the bench does.
// PROFILE_OUT=file keeps the profile (DevTools opens it); PROFILE_IN=file summarizes a kept one again, so
// PROFILE_CHILDREN and PROFILE_CALLERS can be asked of one sample without sampling again.
const sceneId = process.argv[2] ?? 'red-tourism'
if (process.env.PROFILE_IN) summarize(JSON.parse(readFileSync(process.env.PROFILE_IN, 'utf8')) as Profile)
else
  runInHeadsetMode(sceneId, process.env.PROFILE_MODE === 'ar' ? 'ar' : 'vr', async (app) => {
    // Warm up first, as the bench does before the frames its budget holds (STEADY_AFTER_FRAMES).
    await frames(app.page, Number(process.env.PROFILE_WARMUP ?? 300))
    const cdp = await app.context.newCDPSession(app.page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 })
    await cdp.send('Profiler.start')
    await frames(app.page, Number(process.argv[3] ?? 120))
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile }
    if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile))
    summarize(profile)
  })
