// Draws the tour's illustrations (info-card pictures, the then-and-now pair, the Jinggangshan panorama) from code,
// so the repository ships no hand-made binaries: same seed, same pixels. Writes PNGs into public/images/tour and
// public/panoramas (both gitignored). `npx tsx scripts/assets/tour-images.ts [publicDir]` or buildTourImages().
// Over 300 lines on purpose: one function per illustration, sharing one pixel toolkit and the seeded PRNG.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { deflateSync } from 'node:zlib'
import { seededRandom } from '../../src/shared/seeded-random'

export type Rgb = [number, number, number]

/** An RGB raster with just the drawing operations the illustrations need. */
export class Raster {
  readonly data: Float32Array

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Float32Array(width * height * 3)
  }

  blend(x: number, y: number, c: Rgb, alpha = 1): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return
    const i = (y * this.width + x) * 3
    this.data[i] += (c[0] - this.data[i]) * alpha
    this.data[i + 1] += (c[1] - this.data[i + 1]) * alpha
    this.data[i + 2] += (c[2] - this.data[i + 2]) * alpha
  }

  verticalGradient(top: Rgb, bottom: Rgb, y0 = 0, y1 = this.height): void {
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(this.height, y1); y++) {
      const c = mix(top, bottom, (y - y0) / Math.max(1, y1 - y0))
      for (let x = 0; x < this.width; x++) this.blend(x, y, c)
    }
  }

  rect(x0: number, y0: number, w: number, h: number, c: Rgb, alpha = 1): void {
    for (let y = Math.round(y0); y < Math.round(y0 + h); y++) {
      for (let x = Math.round(x0); x < Math.round(x0 + w); x++) this.blend(x, y, c, alpha)
    }
  }

  circle(cx: number, cy: number, r: number, c: Rgb, alpha = 1): void {
    for (let y = Math.floor(cy - r); y <= Math.ceil(cy + r); y++) {
      for (let x = Math.floor(cx - r); x <= Math.ceil(cx + r); x++) {
        const d = Math.hypot(x - cx, y - cy)
        if (d <= r) this.blend(x, y, c, alpha * Math.min(1, r - d + 0.5))
      }
    }
  }

  /** Even-odd scanline fill of a polygon given as [x, y] points. */
  polygon(points: readonly [number, number][], c: Rgb, alpha = 1): void {
    const ys = points.map((p) => p[1])
    for (
      let y = Math.max(0, Math.floor(Math.min(...ys)));
      y <= Math.min(this.height - 1, Math.ceil(Math.max(...ys)));
      y++
    ) {
      const cy = y + 0.5
      const xs: number[] = []
      for (let i = 0; i < points.length; i++) {
        const [ax, ay] = points[i]
        const [bx, by] = points[(i + 1) % points.length]
        if ((ay <= cy && by > cy) || (by <= cy && ay > cy)) xs.push(ax + ((cy - ay) / (by - ay)) * (bx - ax))
      }
      xs.sort((a, b) => a - b)
      for (let k = 0; k + 1 < xs.length; k += 2) {
        for (let x = Math.round(xs[k]); x < Math.round(xs[k + 1]); x++) this.blend(x, y, c, alpha)
      }
    }
  }

  line(x0: number, y0: number, x1: number, y1: number, width: number, c: Rgb, alpha = 1): void {
    const steps = Math.ceil(Math.hypot(x1 - x0, y1 - y0))
    for (let s = 0; s <= steps; s++) {
      const t = s / Math.max(1, steps)
      this.circle(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, width / 2, c, alpha)
    }
  }

  /** A ridge filled down to the bottom: `heightAt(x)` is the ridge's y at column x. */
  ridge(heightAt: (x: number) => number, c: Rgb, alpha = 1): void {
    for (let x = 0; x < this.width; x++) {
      for (let y = Math.max(0, Math.floor(heightAt(x))); y < this.height; y++) this.blend(x, y, c, alpha)
    }
  }

  /** Colour grading per pixel (sepia, vignette, grain…). */
  grade(fn: (c: Rgb, x: number, y: number) => Rgb): void {
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) {
        const i = (y * this.width + x) * 3
        const out = fn([this.data[i], this.data[i + 1], this.data[i + 2]], x, y)
        this.data[i] = out[0]
        this.data[i + 1] = out[1]
        this.data[i + 2] = out[2]
      }
    }
  }

  toPng(): Buffer {
    const raw = Buffer.alloc((this.width * 3 + 1) * this.height)
    for (let y = 0; y < this.height; y++) {
      const row = y * (this.width * 3 + 1)
      raw[row] = 0
      for (let x = 0; x < this.width * 3; x++) {
        raw[row + 1 + x] = Math.max(0, Math.min(255, Math.round(this.data[y * this.width * 3 + x])))
      }
    }
    const header = Buffer.alloc(13)
    header.writeUInt32BE(this.width, 0)
    header.writeUInt32BE(this.height, 4)
    header[8] = 8 // bit depth
    header[9] = 2 // colour type: RGB
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', header),
      pngChunk('IDAT', deflateSync(raw, { level: 9 })),
      pngChunk('IEND', Buffer.alloc(0)),
    ])
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function pngChunk(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(body.length)
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), body])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typed))
  return Buffer.concat([length, typed, crc])
}

export function hex(h: string): Rgb {
  const n = Number.parseInt(h.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  const k = Math.max(0, Math.min(1, t))
  return [a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k, a[2] + (b[2] - a[2]) * k]
}

/** A smooth periodic ridge line: a sum of sines, so a panorama's ridges meet at the seam. */
function ridgeLine(seed: number, base: number, amplitude: number, period: number): (x: number) => number {
  const rnd = seededRandom(seed)
  const waves = Array.from({ length: 6 }, (_, i) => ({
    k: (i + 1) * (1 + Math.floor(rnd() * 3)),
    phase: rnd() * Math.PI * 2,
    amp: amplitude / (i + 1.3),
  }))
  return (x) =>
    base - waves.reduce((h, w) => h + w.amp * Math.sin((x / period) * Math.PI * 2 * w.k + w.phase), 0)
}

function pine(r: Raster, x: number, baseY: number, size: number, c: Rgb): void {
  r.rect(x - size * 0.05, baseY - size * 0.25, size * 0.1, size * 0.25, hex('#4a3222'))
  for (let i = 0; i < 3; i++) {
    const y = baseY - size * (0.2 + i * 0.25)
    const w = size * (0.45 - i * 0.1)
    r.polygon(
      [
        [x - w, y],
        [x + w, y],
        [x, y - size * 0.45],
      ],
      c,
    )
  }
}

function figure(r: Raster, x: number, baseY: number, size: number, c: Rgb): void {
  r.circle(x, baseY - size * 0.88, size * 0.12, c)
  r.polygon(
    [
      [x - size * 0.18, baseY - size * 0.72],
      [x + size * 0.18, baseY - size * 0.72],
      [x + size * 0.13, baseY - size * 0.3],
      [x - size * 0.13, baseY - size * 0.3],
    ],
    c,
  )
  r.rect(x - size * 0.12, baseY - size * 0.3, size * 0.09, size * 0.3, c)
  r.rect(x + size * 0.03, baseY - size * 0.3, size * 0.09, size * 0.3, c)
}

/** A five-storey city building of the 1920s with rows of arched windows, used by the then/now pair. */
function hotelFacade(r: Raster, palette: { wall: Rgb; trim: Rgb; window: Rgb; roof: Rgb }): void {
  const { width: W, height: H } = r
  const left = W * 0.24
  const right = W * 0.76
  const top = H * 0.2
  const ground = H * 0.82
  r.rect(left, top, right - left, ground - top, palette.wall)
  r.rect(left - 6, top - 10, right - left + 12, 12, palette.roof)
  const floors = 5
  const cols = 9
  for (let f = 0; f < floors; f++) {
    const y = top + 18 + f * ((ground - top - 30) / floors)
    r.rect(left, y - 6, right - left, 3, palette.trim)
    for (let c = 0; c < cols; c++) {
      const x = left + 14 + c * ((right - left - 28) / cols)
      const w = (right - left - 28) / cols - 10
      r.rect(x, y + 6, w, 22, palette.window)
      r.circle(x + w / 2, y + 6, w / 2, palette.window)
    }
  }
  r.rect(W * 0.46, ground - 34, W * 0.08, 34, palette.roof)
}

function sepia(r: Raster, seed: number): void {
  const rnd = seededRandom(seed)
  const { width: W, height: H } = r
  r.grade(([red, g, b], x, y) => {
    const l = 0.3 * red + 0.59 * g + 0.11 * b
    const v = 1 - 0.55 * ((x / W - 0.5) ** 2 + (y / H - 0.5) ** 2)
    const n = Math.round((rnd() - 0.5) * 3) * 4
    return [(l * 1.07 + n) * v, (l * 0.9 + n) * v, (l * 0.68 + n) * v]
  })
}

// ---- the pictures ------------------------------------------------------------------------------------------

function hqThen(): Raster {
  const r = new Raster(640, 400)
  r.verticalGradient(hex('#c9c2b0'), hex('#e8e0cc'), 0, 330)
  r.rect(0, 328, 640, 72, hex('#8d8272'))
  r.rect(40, 150, 100, 180, hex('#9c9484'))
  r.rect(500, 170, 110, 160, hex('#a39a89'))
  hotelFacade(r, { wall: hex('#b6ab98'), trim: hex('#8c8271'), window: hex('#4d463c'), roof: hex('#5e554a') })
  for (let i = 0; i < 5; i++) figure(r, 120 + i * 95, 380, 36, hex('#3c362e'))
  sepia(r, 11)
  return r
}

function hqNow(): Raster {
  const r = new Raster(640, 400)
  r.verticalGradient(hex('#5f9bd6'), hex('#d9e9f5'), 0, 330)
  r.rect(0, 328, 640, 72, hex('#c9c3b8'))
  r.rect(40, 120, 100, 210, hex('#e3ddd2'))
  r.rect(500, 140, 110, 190, hex('#d9d2c4'))
  hotelFacade(r, { wall: hex('#e9dfcb'), trim: hex('#b8262b'), window: hex('#2f4a63'), roof: hex('#8e1b1f') })
  for (let i = 0; i < 6; i++) {
    r.rect(36 + i * 116, 300, 6, 40, hex('#5a4030'))
    r.circle(39 + i * 116, 292, 22, hex('#3f7d3a'))
  }
  return r
}

function headquarters(): Raster {
  const r = new Raster(640, 400)
  r.verticalGradient(hex('#2b2f4a'), hex('#b55a3c'), 0, 330)
  r.rect(0, 328, 640, 72, hex('#3a3530'))
  hotelFacade(r, { wall: hex('#8a7a66'), trim: hex('#5c5044'), window: hex('#f2c566'), roof: hex('#3a3129') })
  return r
}

function nanchangUprising(): Raster {
  const r = new Raster(640, 400)
  r.verticalGradient(hex('#141a33'), hex('#b8322a'), 0, 300)
  r.verticalGradient(hex('#b8322a'), hex('#f0a04a'), 300, 330)
  const rnd = seededRandom(3)
  let x = 0
  while (x < 640) {
    const w = 30 + rnd() * 60
    const h = 40 + rnd() * 110
    r.rect(x, 330 - h, w - 4, h, hex('#1b1b22'))
    for (let k = 0; k < 4; k++)
      if (rnd() > 0.5) r.rect(x + 6 + rnd() * (w - 20), 330 - h + 10 + rnd() * (h - 20), 6, 8, hex('#f5d27a'))
    x += w
  }
  r.rect(0, 330, 640, 70, hex('#15151a'))
  r.rect(420, 120, 5, 220, hex('#3a2a20'))
  r.polygon(
    [
      [425, 122],
      [530, 132],
      [520, 170],
      [425, 178],
    ],
    hex('#d4161c'),
  )
  return r
}

function leaders(): Raster {
  const r = new Raster(640, 400)
  r.verticalGradient(hex('#8e1014'), hex('#c8242a'))
  for (let i = 0; i < 24; i++) {
    const a = (i / 24) * Math.PI * 2
    r.line(320, 420, 320 + Math.cos(a) * 700, 420 + Math.sin(a) * 700, 10, hex('#e0b43a'), 0.18)
  }
  for (let i = 0; i < 5; i++) {
    const x = 120 + i * 100
    r.circle(x, 190, 36, hex('#f2e3c2'))
    r.polygon(
      [
        [x - 62, 330],
        [x - 48, 250],
        [x, 232],
        [x + 48, 250],
        [x + 62, 330],
      ],
      hex('#3e4f3a'),
    )
  }
  r.rect(0, 330, 640, 70, hex('#5e0b0e'))
  r.rect(0, 330, 640, 6, hex('#e0b43a'))
  return r
}

function jinggangshanMap(): Raster {
  const r = new Raster(640, 400)
  const rnd = seededRandom(7)
  const hills = Array.from({ length: 14 }, () => ({ x: rnd() * 640, y: rnd() * 400, s: 50 + rnd() * 110 }))
  r.grade((_c, x, y) => {
    const h = hills.reduce(
      (sum, p) => sum + Math.exp(-((x - p.x) ** 2 + (y - p.y) ** 2) / (2 * p.s * p.s)),
      0,
    )
    const band = Math.floor(h * 6) / 6
    return mix(hex('#e9e2c8'), hex('#6f8f4e'), Math.min(1, band))
  })
  r.line(0, 300, 200, 260, 8, hex('#6fa3c9'))
  r.line(200, 260, 380, 330, 8, hex('#6fa3c9'))
  r.line(380, 330, 640, 310, 8, hex('#6fa3c9'))
  const route: [number, number][] = [
    [60, 80],
    [170, 150],
    [260, 170],
    [330, 230],
    [420, 210],
  ]
  for (let i = 0; i + 1 < route.length; i++) {
    const [x0, y0] = route[i]
    const [x1, y1] = route[i + 1]
    for (let t = 0; t < 1; t += 0.12) {
      r.line(
        x0 + (x1 - x0) * t,
        y0 + (y1 - y0) * t,
        x0 + (x1 - x0) * (t + 0.06),
        y0 + (y1 - y0) * (t + 0.06),
        6,
        hex('#c8161d'),
      )
    }
  }
  star(r, 430, 206, 22, hex('#c8161d'))
  r.rect(0, 0, 640, 8, hex('#8e1014'))
  r.rect(0, 392, 640, 8, hex('#8e1014'))
  return r
}

export function star(r: Raster, cx: number, cy: number, size: number, c: Rgb): void {
  const pts: [number, number][] = []
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5
    const rad = i % 2 === 0 ? size : size * 0.4
    pts.push([cx + Math.cos(a) * rad, cy + Math.sin(a) * rad])
  }
  r.polygon(pts, c)
}

function mountainScene(r: Raster, seed: number, sky: [Rgb, Rgb]): void {
  r.verticalGradient(sky[0], sky[1], 0, r.height * 0.75)
  const layers: Rgb[] = [hex('#8ea3a8'), hex('#6e8a72'), hex('#4c6e4a'), hex('#35553a')]
  layers.forEach((c, i) => {
    r.ridge(ridgeLine(seed + i, r.height * (0.42 + i * 0.1), 30 + i * 8, r.width), c)
  })
}

function meeting(): Raster {
  const r = new Raster(640, 400)
  mountainScene(r, 21, [hex('#87b4da'), hex('#f2e6cc')])
  r.rect(0, 300, 640, 36, hex('#6fa3c9'))
  r.rect(250, 290, 140, 12, hex('#6b4a30'))
  for (let i = 0; i < 5; i++) figure(r, 80 + i * 28, 300, 34, hex('#2f3a2a'))
  for (let i = 0; i < 5; i++) figure(r, 440 + i * 28, 300, 34, hex('#2f3a2a'))
  r.rect(0, 336, 640, 64, hex('#5a6b3c'))
  return r
}

function huangyangjie(): Raster {
  const r = new Raster(640, 400)
  mountainScene(r, 31, [hex('#9fbcd2'), hex('#eef0e6')])
  r.polygon(
    [
      [250, 250],
      [390, 250],
      [380, 290],
      [260, 290],
    ],
    hex('#7a6a58'),
  )
  r.polygon(
    [
      [240, 252],
      [320, 215],
      [400, 252],
    ],
    hex('#4a3a2c'),
  )
  const rnd = seededRandom(5)
  for (let i = 0; i < 18; i++) pine(r, rnd() * 640, 330 + rnd() * 60, 50 + rnd() * 40, hex('#24422a'))
  r.verticalGradient(hex('#ffffff'), hex('#ffffff'), 300, 312)
  r.grade((c, _x, y) => mix(c, hex('#f4f4ee'), Math.max(0, 0.35 - Math.abs(y - 300) / 120)))
  return r
}

function founding(): Raster {
  const r = new Raster(640, 400)
  r.verticalGradient(hex('#5a8fd0'), hex('#dbe8f4'), 0, 300)
  r.rect(0, 300, 640, 100, hex('#c9c1b4'))
  r.rect(110, 190, 420, 110, hex('#b3262b'))
  for (let i = 0; i < 5; i++) r.rect(150 + i * 78, 250, 34, 50, hex('#5a1416'))
  r.polygon(
    [
      [90, 192],
      [550, 192],
      [500, 165],
      [140, 165],
    ],
    hex('#d9a72e'),
  )
  r.rect(160, 125, 320, 42, hex('#b3262b'))
  r.polygon(
    [
      [130, 128],
      [510, 128],
      [460, 95],
      [180, 95],
    ],
    hex('#d9a72e'),
  )
  for (let i = 0; i < 8; i++) r.circle(180 + i * 40, 182, 8, hex('#e23b2e'))
  return r
}

function ruijin(): Raster {
  const r = new Raster(640, 400)
  r.verticalGradient(hex('#8fb3d9'), hex('#f5ead6'), 0, 300)
  r.rect(0, 300, 640, 100, hex('#8c7a5e'))
  r.rect(170, 200, 300, 100, hex('#ece2cc'))
  r.polygon(
    [
      [150, 202],
      [490, 202],
      [320, 140],
    ],
    hex('#5b4434'),
  )
  r.rect(300, 240, 40, 60, hex('#6b2a1e'))
  for (let i = 0; i < 3; i++) {
    r.rect(20 + i * 220, 220, 12, 90, hex('#5a4030'))
    r.circle(26 + i * 220, 200, 48, hex('#3f6f3a'))
  }
  star(r, 320, 180, 14, hex('#c8161d'))
  return r
}

function longMarch(): Raster {
  const r = new Raster(640, 400)
  mountainScene(r, 41, [hex('#c9a77a'), hex('#f1e4c8')])
  r.rect(0, 310, 640, 40, hex('#6b95b8'))
  for (let i = 0; i < 9; i++) r.rect(60 + i * 60, 318, 40, 8, hex('#6b4a30'))
  for (let i = 0; i < 14; i++) figure(r, 40 + i * 42, 318, 26, hex('#33302a'))
  r.rect(0, 350, 640, 50, hex('#6b6a44'))
  return r
}

/** The Jinggangshan panorama: layered ridges, forest and a sentry post, seamless at longitude ±180°. */
function jinggangshanPanorama(): Raster {
  const W = 2048
  const H = 1024
  const r = new Raster(W, H)
  r.verticalGradient(hex('#3f78b8'), hex('#dfe9ef'), 0, H / 2)
  const rnd = seededRandom(99)
  for (let i = 0; i < 24; i++) {
    const cx = rnd() * W
    const cy = H * (0.12 + rnd() * 0.25)
    for (let k = 0; k < 5; k++)
      r.circle((cx + k * 28) % W, cy + (k % 2) * 8, 26 + rnd() * 18, hex('#ffffff'), 0.55)
  }
  const layers: Rgb[] = [hex('#9db2bf'), hex('#7f9c8a'), hex('#5d8060'), hex('#416647'), hex('#2f4f35')]
  layers.forEach((c, i) => {
    r.ridge(ridgeLine(200 + i, H * (0.44 + i * 0.035), 44 - i * 4, W), c)
    r.grade((p, _x, y) =>
      mix(p, hex('#eef2ee'), Math.max(0, 0.25 - Math.abs(y - H * (0.5 + i * 0.035)) / 160)),
    )
  })
  for (let i = 0; i < 160; i++) pine(r, rnd() * W, H * (0.6 + rnd() * 0.12), 26 + rnd() * 30, hex('#1f3d27'))
  // A sentry post on the near ridge at yaw ≈ 20° (see the panorama hotspot "pano-huangyangjie").
  const postX = W * (0.5 - 20 / 360)
  r.rect(postX - 40, H * 0.5 - 40, 80, 40, hex('#7a6a58'))
  r.polygon(
    [
      [postX - 54, H * 0.5 - 38],
      [postX, H * 0.5 - 76],
      [postX + 54, H * 0.5 - 38],
    ],
    hex('#4a3a2c'),
  )
  r.verticalGradient(hex('#3d5a34'), hex('#5b4b36'), H * 0.72, H)
  return r
}

export const TOUR_IMAGES: Record<string, () => Raster> = {
  'images/tour/hq-then.png': hqThen,
  'images/tour/hq-now.png': hqNow,
  'images/tour/headquarters.png': headquarters,
  'images/tour/nanchang-uprising.png': nanchangUprising,
  'images/tour/leaders.png': leaders,
  'images/tour/jinggangshan-map.png': jinggangshanMap,
  'images/tour/meeting.png': meeting,
  'images/tour/huangyangjie.png': huangyangjie,
  'images/tour/founding.png': founding,
  'images/tour/ruijin.png': ruijin,
  'images/tour/long-march.png': longMarch,
  'panoramas/jinggangshan.png': jinggangshanPanorama,
}

/** Writes every tour picture under `publicDir` and returns the written paths. */
export function buildTourImages(publicDir: string): string[] {
  const written: string[] = []
  for (const [path, draw] of Object.entries(TOUR_IMAGES)) {
    const file = join(publicDir, path)
    mkdirSync(join(file, '..'), { recursive: true })
    writeFileSync(file, draw().toPng())
    written.push(file)
  }
  return written
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = buildTourImages(resolve(process.argv[2] ?? 'public'))
  console.log(`tour images: ${out.length} written`)
}
