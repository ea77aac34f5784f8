// Copies files from node_modules into public/ only when missing or changed (size or mtime), so the
// copy steps are idempotent and cost a few stat calls when nothing changed.
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'

export interface SyncResult {
  copied: number
  unchanged: number
  bytes: number
}

function listFilesRecursive(dir: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...listFilesRecursive(full))
    else out.push(full)
  }
  return out
}

/**
 * Mirrors every file of `sourceDir` into `targetDir` (extra files in the target are left alone), except
 * those `skip` names (a step that writes its own version of them).
 */
export function syncDirectory(
  sourceDir: string,
  targetDir: string,
  skip: (file: string) => boolean = () => false,
): SyncResult {
  const result: SyncResult = { copied: 0, unchanged: 0, bytes: 0 }
  for (const source of listFilesRecursive(sourceDir)) {
    if (skip(source)) continue
    const target = join(targetDir, relative(sourceDir, source))
    const from = statSync(source)
    result.bytes += from.size
    if (existsSync(target)) {
      const to = statSync(target)
      if (to.size === from.size && to.mtimeMs >= from.mtimeMs) {
        result.unchanged++
        continue
      }
    }
    mkdirSync(dirname(target), { recursive: true })
    copyFileSync(source, target)
    result.copied++
  }
  return result
}

/** Total size in bytes of every file under a directory (0 when it does not exist). */
export function directoryBytes(dir: string): number {
  if (!existsSync(dir)) return 0
  return listFilesRecursive(dir).reduce((sum, file) => sum + statSync(file).size, 0)
}
