// `npm run assets`: produces every generated asset before `vite build`. Offline, reproducible and
// idempotent: each step skips work whose outputs are current; `--force` rebuilds models and font.
// Steps: scenes/scene.schema.json (committed), public/textures/*.png, public/models/*.glb (textures embedded), public/fonts/ (one WOFF +
// manifest, plus troika's offline fallback-font data and the page's @font-face rules), public/input-profiles/ (WebXR controller/hand models), public/decoders/ (draco, basis).
// public/audio/narration/ (every spoken line, voiced).
import { resolve } from 'node:path'
import { buildAppIcons } from './assets/app-icons'
import { buildFont } from './assets/build-font'
import { buildModels } from './assets/build-models'
import { buildTextures } from './assets/build-textures'
import { copyDecoders } from './assets/decoders'
import { buildFontCss } from './assets/font-css'
import { buildFontFallback, FONT_FALLBACK_DIR } from './assets/font-fallback'
import { copyInputProfiles } from './assets/input-profiles'
import { SCENE_JSON_SCHEMA, writeSceneJsonSchema } from './assets/json-schema'
import { buildNarrationAudio } from './assets/narration-audio'
import { buildTourImages } from './assets/tour-images'

const root = resolve(import.meta.dirname, '..')
const force = process.argv.includes('--force')

async function step(name: string, run: () => Promise<string> | string): Promise<void> {
  const started = performance.now()
  const summary = await run()
  console.log(`[assets] ${name}: ${summary} (${Math.round(performance.now() - started)} ms)`)
}

await step('scene JSON Schema', () =>
  writeSceneJsonSchema(root) ? `rewrote ${SCENE_JSON_SCHEMA} (commit it)` : 'up to date',
)

await step('textures', async () => {
  const written = await buildTextures(root, force)
  return written === 0 ? 'up to date' : `${written} written to public/textures/`
})

await step('models', async () => {
  const built = await buildModels(root, force)
  const fresh = built.filter((m) => !m.skipped)
  for (const m of fresh) {
    console.log(
      `  ${m.file.padEnd(28)} ${(m.bytes / 1024).toFixed(1).padStart(7)} KB ${String(m.triangles).padStart(6)} tris ${m.primitives} prims`,
    )
  }
  return fresh.length === 0
    ? 'up to date'
    : `${fresh.length} built, ${built.length - fresh.length} up to date`
})

await step('font', async () => {
  const { manifest, built, missing } = await buildFont(root, force)
  for (const [char, origin] of missing) {
    console.warn(
      `  warning: no glyph for "${char}" (U+${char.codePointAt(0)!.toString(16)}) used in ${origin}`,
    )
  }
  const size = `${(manifest.bytes / 1024).toFixed(1)} KB, ${[...manifest.characters].length} characters`
  return built ? `built ${manifest.file} (${size})` : `up to date (${size})`
})

await step('font fallback data', () => {
  const { fonts, buckets, written, built } = buildFontFallback(resolve(root, FONT_FALLBACK_DIR), force)
  return built ? `${fonts} fonts, ${buckets} index buckets, ${written} files written` : 'up to date'
})

await step('page fonts (@font-face)', () => {
  const { faces, written } = buildFontCss(root)
  return written ? `public/fonts/fonts.css: ${faces} faces` : 'up to date'
})

await step('input profiles', async () => {
  const { profiles, copied, bytes } = await copyInputProfiles(root)
  return `${profiles.length} profiles, ${(bytes / 1024 / 1024).toFixed(1)} MB, ${copied} files copied`
})

await step('decoders', () => {
  const { copied, bytes } = copyDecoders(root)
  return `draco and basis ${(bytes / 1024).toFixed(0)} KB, ${copied} files copied`
})

// The installed app's icons (PWA manifest), drawn from code.
await step('app icons', () => `${buildAppIcons(resolve(root, 'public')).length} written`)

// Info-card, then-and-now and panorama pictures for the tour scenes, drawn from code (no binaries in git).
await step('tour images', () => `${buildTourImages(resolve(root, 'public')).length} written`)

// Narration for every line the scenes speak, in both languages (synthesised offline with espeak-ng).
await step('narration audio', async () => {
  const built = await buildNarrationAudio(root)
  if (built.missingSynthesiser) {
    console.warn(
      `  warning: ${built.missingSynthesiser}; guides fall back to the device's voice or subtitles`,
    )
    return `${built.lines} lines listed; none voiced now, files voiced before are kept`
  }
  return `${built.scenes} scenes, ${built.lines} lines, ${built.synthesised} files voiced`
})
