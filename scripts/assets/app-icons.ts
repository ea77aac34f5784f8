// The installed app's icons (PWA manifest), drawn from code like the tour's pictures: a gold star over
// a headset's visor on the flag red of the red-tourism scene. public/icons/ (gitignored).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { hex, Raster, star } from './tour-images'

export const APP_ICON_SIZES = [192, 512] as const

function icon(size: number): Raster {
  const r = new Raster(size, size)
  const s = size / 512
  r.verticalGradient(hex('#d41432'), hex('#8e0b20'))
  star(r, 256 * s, 150 * s, 78 * s, hex('#ffd54a'))
  // The visor: a white band with rounded ends, two dark lenses.
  const white = hex('#f7f3ea')
  r.rect(136 * s, 262 * s, 240 * s, 120 * s, white)
  r.circle(136 * s, 322 * s, 60 * s, white)
  r.circle(376 * s, 322 * s, 60 * s, white)
  for (const x of [184, 328]) r.circle(x * s, 322 * s, 42 * s, hex('#2b2f36'))
  return r
}

export function buildAppIcons(publicDir: string): string[] {
  const dir = join(publicDir, 'icons')
  mkdirSync(dir, { recursive: true })
  return APP_ICON_SIZES.map((size) => {
    const file = join(dir, `icon-${size}.png`)
    writeFileSync(file, icon(size).toPng())
    return file
  })
}
