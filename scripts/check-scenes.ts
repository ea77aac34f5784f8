// `npm run check:scenes`: validates every scene folder against the one schema and prints each problem
// as "<file> <json path>: <message>". Exits non-zero on any error; missing English is a warning.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { validateSceneText } from '../src/schema/scene-validation'
import { listSceneIds } from '../src/server/scenes/scene-folder'

export interface SceneCheckReport {
  lines: string[]
  errorCount: number
  warningCount: number
}

export function checkScenes(scenesDir: string): SceneCheckReport {
  const lines: string[] = []
  let errorCount = 0
  let warningCount = 0
  // A folder without scene.json is a scene an author forgot to finish: name it.
  for (const name of readdirSync(scenesDir)) {
    const folder = join(scenesDir, name)
    if (statSync(folder).isDirectory() && !existsSync(join(folder, 'scene.json'))) {
      lines.push(
        `error ${relative(process.cwd(), folder) || folder} (folder): no scene.json in this scene folder`,
      )
      errorCount++
    }
  }
  for (const id of listSceneIds(scenesDir)) {
    const file = join(scenesDir, id, 'scene.json')
    const shown = relative(process.cwd(), file) || file
    const result = validateSceneText(readFileSync(file, 'utf8'), id)
    const problems = result.ok ? result.warnings : result.problems
    for (const p of problems) {
      lines.push(
        `${p.severity === 'error' ? 'error' : 'warning'} ${shown} ${p.path || '(file)'}: ${p.message}`,
      )
      if (p.severity === 'error') errorCount++
      else warningCount++
    }
    if (result.ok) lines.push(`ok ${shown}`)
  }
  return { lines, errorCount, warningCount }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = resolve(process.argv[2] ?? 'scenes')
  const report = checkScenes(dir)
  for (const line of report.lines) console.log(line)
  console.log(`${report.errorCount} error(s), ${report.warningCount} warning(s)`)
  process.exit(report.errorCount > 0 ? 1 : 0)
}
