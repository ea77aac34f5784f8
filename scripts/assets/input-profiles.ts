// Asset step: self-hosts the WebXR input-profile assets (controller and hand models) that
// @react-three/xr would otherwise fetch from a CDN. Only the headsets we support are copied
// (the full package is ~98 MB), and profilesList.json is cut to match so no lookup 404s.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { writeShrunkModel } from './controller-textures'
import { directoryBytes, syncDirectory } from './file-sync'
import { isUpToDate } from './freshness'

export const INPUT_PROFILES_DIR = 'public/input-profiles'

/**
 * Profiles we ship. @pmndrs/xr falls back to `generic-trigger` for unknown controllers and always
 * draws hands with `generic-hand`; the rest are what Quest, Pico, Vive, Index and WMR report.
 */
export const SUPPORTED_PROFILES = [
  'generic-trigger',
  'generic-trigger-squeeze',
  'generic-trigger-squeeze-thumbstick',
  'generic-hand',
  'meta-quest-touch-plus',
  'meta-quest-touch-pro',
  'oculus-touch-v2',
  'oculus-touch-v3',
  'pico-4',
  'pico-neo3',
  'htc-vive',
  'valve-index',
  'microsoft-mixed-reality',
] as const

const require = createRequire(import.meta.url)

export function inputProfilesSourceDir(): string {
  return join(dirname(require.resolve('@webxr-input-profiles/assets/package.json')), 'dist/profiles')
}

export interface InputProfilesResult {
  profiles: string[]
  copied: number
  bytes: number
}

/** Copies the supported profiles; their models are written with smaller textures (controller-textures.ts). */
export async function copyInputProfiles(root: string): Promise<InputProfilesResult> {
  const sourceDir = inputProfilesSourceDir()
  const targetDir = join(root, INPUT_PROFILES_DIR)
  mkdirSync(targetDir, { recursive: true })
  const fullList = JSON.parse(readFileSync(join(sourceDir, 'profilesList.json'), 'utf8')) as Record<
    string,
    { path: string; deprecated?: boolean }
  >
  const profiles = SUPPORTED_PROFILES.filter((id) => fullList[id] && existsSync(join(sourceDir, id)))
  let copied = 0
  const isModel = (file: string) => file.endsWith('.glb')
  for (const id of profiles) {
    copied += syncDirectory(join(sourceDir, id), join(targetDir, id), isModel).copied
    for (const file of readdirSync(join(sourceDir, id)).filter(isModel)) {
      const source = join(sourceDir, id, file)
      const target = join(targetDir, id, file)
      const code = ['scripts/assets/controller-textures.ts', 'scripts/textures/srgb.ts'].map((p) =>
        join(root, p),
      )
      if (isUpToDate([target], [source, ...code])) continue
      await writeShrunkModel(source, target)
      copied++
    }
  }

  // Drop folders of profiles no longer supported so stale models are not shipped.
  for (const entry of readdirSync(targetDir, { withFileTypes: true })) {
    if (entry.isDirectory() && !(profiles as readonly string[]).includes(entry.name)) {
      rmSync(join(targetDir, entry.name), { recursive: true, force: true })
    }
  }
  const list = Object.fromEntries(profiles.map((id) => [id, fullList[id]]))
  const listText = `${JSON.stringify(list, null, 2)}\n`
  const listPath = join(targetDir, 'profilesList.json')
  if (!existsSync(listPath) || readFileSync(listPath, 'utf8') !== listText) {
    writeFileSync(listPath, listText)
    copied++
  }
  return { profiles, copied, bytes: directoryBytes(targetDir) }
}
