// `npm start` must work on a fresh clone: build the app when dist/ is missing or older than the sources.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)))
  return newest
}

export function buildIfNeeded(distDir: string): void {
  const builtAt = newestMtime(join(distDir, 'index.html'))
  const sourcesAt = Math.max(
    ...['src', 'index.html', 'vite.config.ts', 'scripts', 'package.json'].map((p) => newestMtime(p)),
  )
  if (builtAt > 0 && builtAt >= sourcesAt) return
  console.log(
    builtAt ? 'Sources changed since the last build; rebuilding…' : 'No build found; building the app…',
  )
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' })
  if (result.status !== 0) throw new Error('Build failed; see the output above.')
}
