// How many listeners one speaker's live voice reaches on this machine before quality drops (issue 12 item 4).
// Peer to peer, each listener gets its own connection and the speaker's browser encodes and encrypts the
// voice once per listener, as the classroom and tour-group voice does (src/platform/voice-chat: one sendonly
// Opus transceiver per listener, 32 kbit/s, host candidates only). Two headless Chromiums with the fake
// microphone: the speaker's, and one holding every listener's connection, so the speaker's CPU is measured
// apart from the listeners' (a venue's listeners are each their own headset). For 1, 2, 4 … listeners it
// measures, over a window, the speaker browser's CPU (its processes' ticks in /proc), the bitrate each
// listener receives, packet loss, and concealed audio (samples the receiver had to invent). The limit is the
// last step where every listener gets ≥ 90 % of the bitrate one listener alone gets, concealment stays under 2 %, and the speaker's
// CPU stays under 70 % of one core (it must still draw its own VR scene).
//
//   flock /tmp/xr-browser.lock npx tsx scripts/load/voice-fanout.ts [--steps 1,2,4,8,16,24,32] [--seconds 8]

import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Browser, chromium, type Page } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH, FAKE_MEDIA_ARGS } from '../../test/browser/harness'

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}
const STEPS = (arg('steps') ?? '1,2,4,8,12,16,24,32').split(',').map(Number)
const SECONDS = Number(arg('seconds') ?? 8)
const BITRATE = 32_000
const TICKS = 100 // USER_HZ

interface StepResult {
  listeners: number
  speakerCpu: number
  listenerCpu: number
  kbpsMin: number
  kbpsMean: number
  lossPct: number
  concealedPct: number
  ok: boolean
}

/** CPU seconds used so far by a browser: its own process and every process under it. */
function cpuSeconds(rootPid: number): number {
  let pids = [rootPid]
  try {
    const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    const children = new Map<number, number[]>()
    for (const line of out.trim().split('\n')) {
      const [pid, ppid] = line.trim().split(/\s+/).map(Number)
      children.set(ppid, [...(children.get(ppid) ?? []), pid])
    }
    const all: number[] = []
    const walk = (p: number) => {
      all.push(p)
      for (const c of children.get(p) ?? []) walk(c)
    }
    walk(rootPid)
    pids = all
  } catch {
    // ps missing: the root process alone.
  }
  let ticks = 0
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
      ticks += Number(fields[11]) + Number(fields[12]) // utime, stime
    } catch {
      // exited
    }
  }
  return ticks / TICKS
}

async function launch(): Promise<{ browser: Browser; page: Page; pid: number }> {
  const server = await launchServer()
  const browserServer = await chromium.launchServer({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...FAKE_MEDIA_ARGS],
  })
  const browser = await chromium.connect(browserServer.wsEndpoint())
  const page = await browser.newPage()
  await page.goto(server)
  const pid = browserServer.process().pid
  if (!pid) throw new Error('no browser process id')
  return { browser, page, pid }
}

let serverUrl: string | undefined
/** A blank page on localhost: a secure context, so the fake microphone may be opened. */
async function launchServer(): Promise<string> {
  if (serverUrl) return serverUrl
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' })
    res.end('<!doctype html><title>voice fan-out</title>')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  server.unref()
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  return serverUrl
}

/** Page code: the speaker's side (one microphone, a sendonly connection per listener). */
const speakerScript = `
window.fan = {
  pcs: [],
  async mic() { this.stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true } }) },
  async offer(i) {
    const pc = new RTCPeerConnection({ iceServers: [] })
    const t = pc.addTransceiver(this.stream.getAudioTracks()[0], { direction: 'sendonly' })
    this.pcs[i] = pc
    await pc.setLocalDescription(await pc.createOffer())
    await new Promise((r) => { if (pc.iceGatheringState === 'complete') r(); pc.onicegatheringstatechange = () => pc.iceGatheringState === 'complete' && r(); setTimeout(r, 1500) })
    const p = t.sender.getParameters(); if (p.encodings && p.encodings[0]) { p.encodings[0].maxBitrate = ${BITRATE}; await t.sender.setParameters(p) }
    return pc.localDescription.sdp
  },
  async answer(i, sdp) { await this.pcs[i].setRemoteDescription({ type: 'answer', sdp }) },
  close() { for (const pc of this.pcs) pc.close(); this.pcs = [] },
}`

/** Page code: every listener's connection, playing what it receives (as the app does, through Web Audio). */
const listenerScript = `
window.fan = {
  pcs: [],
  ctx: new AudioContext(),
  async answer(i, sdp) {
    const pc = new RTCPeerConnection({ iceServers: [] })
    this.pcs[i] = pc
    pc.ontrack = (e) => {
      const s = new MediaStream([e.track]); const a = new Audio(); a.muted = true; a.srcObject = s; a.play().catch(() => {})
      this.ctx.createMediaStreamSource(s).connect(this.ctx.destination)
    }
    await pc.setRemoteDescription({ type: 'offer', sdp })
    await pc.setLocalDescription(await pc.createAnswer())
    await new Promise((r) => { if (pc.iceGatheringState === 'complete') r(); pc.onicegatheringstatechange = () => pc.iceGatheringState === 'complete' && r(); setTimeout(r, 1500) })
    return pc.localDescription.sdp
  },
  async connected() { return this.pcs.every((pc) => pc.connectionState === 'connected') },
  async stats() {
    const out = []
    for (const pc of this.pcs) {
      const r = await pc.getStats(); let s
      r.forEach((x) => { if (x.type === 'inbound-rtp' && x.kind === 'audio') s = x })
      out.push(s ? { bytes: s.bytesReceived, packets: s.packetsReceived, lost: s.packetsLost, concealed: s.concealedSamples, samples: s.totalSamplesReceived } : null)
    }
    return out
  },
  close() { for (const pc of this.pcs) pc.close(); this.pcs = [] },
}`

/**
 * Held when every listener gets ≥ 90 % of what one listener alone got (the fake microphone beeps, so
 * Opus's variable rate sits below its 32 kbit/s cap), concealment stays under 2 % and the speaker's
 * browser uses under 70 % of one core.
 */
function held(r: StepResult, baselineKbps: number): boolean {
  return r.kbpsMin >= 0.9 * baselineKbps && r.concealedPct < 2 && r.speakerCpu < 0.7
}

async function step(speaker: Page, listener: Page, n: number, pids: [number, number]): Promise<StepResult> {
  for (let i = 0; i < n; i++) {
    const offer = await speaker.evaluate(
      (k) => (window as never as { fan: { offer(k: number): Promise<string> } }).fan.offer(k),
      i,
    )
    const answer = await listener.evaluate(
      ([k, sdp]) =>
        (window as never as { fan: { answer(k: number, s: string): Promise<string> } }).fan.answer(k, sdp),
      [i, offer] as const,
    )
    await speaker.evaluate(
      ([k, sdp]) =>
        (window as never as { fan: { answer(k: number, s: string): Promise<void> } }).fan.answer(k, sdp),
      [i, answer] as const,
    )
  }
  await listener.waitForFunction(
    () => (window as never as { fan: { connected(): Promise<boolean> } }).fan.connected(),
    undefined,
    { timeout: 30_000 },
  )
  // Warm-up: Opus and the congestion controller settle.
  await listener.waitForTimeout(2000)
  type S = Array<{ bytes: number; packets: number; lost: number; concealed: number; samples: number } | null>
  const read = () =>
    listener.evaluate(() => (window as never as { fan: { stats(): Promise<S> } }).fan.stats())
  const before = await read()
  const cpu0 = [cpuSeconds(pids[0]), cpuSeconds(pids[1])]
  const t0 = Date.now()
  await listener.waitForTimeout(SECONDS * 1000)
  const after = await read()
  const secs = (Date.now() - t0) / 1000
  const cpu1 = [cpuSeconds(pids[0]), cpuSeconds(pids[1])]
  const kbps: number[] = []
  let packets = 0
  let lost = 0
  let concealed = 0
  let samples = 0
  after.forEach((a, i) => {
    const b = before[i]
    if (!a || !b) {
      kbps.push(0)
      return
    }
    kbps.push(((a.bytes - b.bytes) * 8) / secs / 1000)
    packets += a.packets - b.packets
    lost += Math.max(0, a.lost - b.lost)
    concealed += a.concealed - b.concealed
    samples += a.samples - b.samples
  })
  await speaker.evaluate(() => (window as never as { fan: { close(): void } }).fan.close())
  await listener.evaluate(() => (window as never as { fan: { close(): void } }).fan.close())
  const r: StepResult = {
    listeners: n,
    speakerCpu: (cpu1[0] - cpu0[0]) / secs,
    listenerCpu: (cpu1[1] - cpu0[1]) / secs,
    kbpsMin: Math.min(...kbps),
    kbpsMean: kbps.reduce((a, b) => a + b, 0) / kbps.length,
    lossPct: packets + lost > 0 ? (100 * lost) / (packets + lost) : 0,
    concealedPct: samples > 0 ? (100 * concealed) / samples : 100,
    ok: false,
  }
  return r
}

async function main() {
  const speaker = await launch()
  const listener = await launch()
  await speaker.page.evaluate(speakerScript)
  await listener.page.evaluate(listenerScript)
  await speaker.page.evaluate(() => (window as never as { fan: { mic(): Promise<void> } }).fan.mic())
  console.log(
    `voice fan-out on ${process.env.HOSTNAME ?? 'this machine'}: ${SECONDS} s a step, Opus ${BITRATE / 1000} kbit/s`,
  )
  console.log('listeners  speaker CPU  listeners CPU  kbit/s min  mean  loss %  concealed %  ok')
  const results: StepResult[] = []
  for (const n of STEPS) {
    const r = await step(speaker.page, listener.page, n, [speaker.pid, listener.pid])
    r.ok = held(r, results[0]?.kbpsMean ?? r.kbpsMean)
    results.push(r)
    console.log(
      `${String(n).padStart(9)}  ${(r.speakerCpu * 100).toFixed(0).padStart(9)} %  ${(r.listenerCpu * 100).toFixed(0).padStart(11)} %  ${r.kbpsMin.toFixed(1).padStart(10)}  ${r.kbpsMean.toFixed(1).padStart(4)}  ${r.lossPct.toFixed(2).padStart(6)}  ${r.concealedPct.toFixed(2).padStart(11)}  ${r.ok ? 'yes' : 'NO'}`,
    )
  }
  const limit = results.filter((r) => r.ok).at(-1)?.listeners ?? 0
  const firstBad = results.find((r) => !r.ok)
  console.log(
    `\nOne speaker reaches ${limit} listener(s) here before quality drops` +
      (firstBad ? ` (at ${firstBad.listeners} it did not hold).` : ' (every step held).'),
  )
  console.log(`JSON ${JSON.stringify({ limit, results })}`)
  await speaker.browser.close()
  await listener.browser.close()
  process.exit(0)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
