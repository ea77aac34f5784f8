// Prints, from Vitest's JSON reports in test-results/, one line per project with its counts and
// wall-clock duration (and its slowest files), then one closing line for the whole run,
// "tests: N passed, N failed, N skipped", which CI reads, and exits 1 if anything failed.
// A file that failed outside its tests (a beforeAll whose browser or server would not start, an import
// error) counts as failed: Vitest marks its tests skipped, not failed, and the run would pass without it.
// So does a project whose Vitest exited non-zero with nothing failed in its report (`npm test` passes
// UNIT_EXIT and BROWSER_EXIT): an unhandled error outside any test is in no count.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface VitestJson {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
  startTime: number
  testResults: {
    name: string
    status: string
    message?: string
    startTime: number
    endTime: number
    assertionResults: { status: string }[]
  }[]
}

/** Files that failed with none of their tests failed: each with the first line of the error that stopped it. */
export function filesFailedOutsideTests(report: VitestJson): string[] {
  return report.testResults
    .filter(
      (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
    )
    .map((file) => `${relative(process.cwd(), file.name)}: ${(file.message || 'failed').split('\n')[0]}`)
}

/**
 * Whether Vitest's non-zero exit is a failure of its own: one the report's counts do not already explain.
 * A failed test or a broken file exits 1 too; counting that exit again would report one failure twice.
 */
export function exitOutsideCounts(exit: string | undefined, countedFailures: number): boolean {
  return exit !== undefined && exit !== '0' && countedFailures === 0
}

/** The projects `npm test` runs; a missing report means that project did not run. */
const REQUIRED = ['unit', 'browser']
const DIR = 'test-results'

function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000)
  if (seconds < 60) return `${seconds}s`
  const minutes = Math.floor(seconds / 60)
  return `${minutes}m ${seconds % 60}s`
}

/** Wall-clock time of a project: from the run's start to its last file's end. */
function projectDuration(report: VitestJson): number {
  const ends = report.testResults.map((file) => file.endTime)
  return ends.length > 0 ? Math.max(...ends) - report.startTime : 0
}

function main(): void {
  const present = existsSync(DIR)
    ? readdirSync(DIR)
        .filter((f) => f.endsWith('.json'))
        .map((f) => basename(f, '.json'))
    : []
  const projects = [...REQUIRED, ...present.filter((p) => !REQUIRED.includes(p)).sort()]

  let passed = 0
  let failed = 0
  let skipped = 0
  for (const project of projects) {
    const file = `${DIR}/${project}.json`
    if (!existsSync(file)) {
      console.error(`${project}: missing ${file}: that test project did not run`)
      failed++
      continue
    }
    const report = JSON.parse(readFileSync(file, 'utf8')) as VitestJson
    const projectSkipped = report.numPendingTests + report.numTodoTests
    const brokenFiles = filesFailedOutsideTests(report)
    passed += report.numPassedTests
    failed += report.numFailedTests + brokenFiles.length
    skipped += projectSkipped
    console.log(
      `${project}: ${report.numPassedTests} passed, ${report.numFailedTests} failed` +
        (brokenFiles.length > 0 ? `, ${brokenFiles.length} files failed outside their tests` : '') +
        (projectSkipped > 0 ? `, ${projectSkipped} skipped` : '') +
        ` (${formatDuration(projectDuration(report))})`,
    )
    for (const line of brokenFiles) console.error(`  failed: ${line}`)
    const exit = process.env[`${project.toUpperCase()}_EXIT`]
    if (exitOutsideCounts(exit, report.numFailedTests + brokenFiles.length)) {
      console.error(`  Vitest exited ${exit}: an error outside the tests' counts (see its output above)`)
      failed++
    }
    const slowest = [...report.testResults]
      .sort((a, b) => b.endTime - b.startTime - (a.endTime - a.startTime))
      .slice(0, 3)
      .map((f) => `${relative(process.cwd(), f.name)} ${formatDuration(f.endTime - f.startTime)}`)
    if (slowest.length > 0) console.log(`  slowest: ${slowest.join(', ')}`)
  }
  console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
  process.exit(failed > 0 || passed === 0 ? 1 : 0)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main()
