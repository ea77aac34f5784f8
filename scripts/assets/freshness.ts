// Lets each asset step skip work when every output is newer than every input (make-style),
// so `npm run assets` before each build costs almost nothing when nothing changed.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Newest modification time among files and (recursively) directories' files; 0 when none exist. */
export function newestMtime(paths: readonly string[]): number {
  let newest = 0
  const visit = (path: string): void => {
    if (!existsSync(path)) return
    const stat = statSync(path)
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry))
    } else {
      newest = Math.max(newest, stat.mtimeMs)
    }
  }
  for (const path of paths) visit(path)
  return newest
}

/** Oldest modification time among the outputs, or -1 when any output is missing. */
export function oldestOutputMtime(outputs: readonly string[]): number {
  let oldest = Number.POSITIVE_INFINITY
  for (const path of outputs) {
    if (!existsSync(path)) return -1
    oldest = Math.min(oldest, statSync(path).mtimeMs)
  }
  return outputs.length === 0 ? -1 : oldest
}

/** True when all outputs exist and none is older than the newest input. */
export function isUpToDate(outputs: readonly string[], inputs: readonly string[]): boolean {
  const oldest = oldestOutputMtime(outputs)
  return oldest >= 0 && oldest >= newestMtime(inputs)
}
