// Prints one closing line for the whole test run, "N passed, N failed, N skipped", from Vitest's JSON
// reports, so CI and people see one total across the unit/integration and browser projects.
import { existsSync, readFileSync } from 'node:fs'

interface VitestJson {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
}

const files = ['test-results/unit.json', 'test-results/browser.json']
let passed = 0
let failed = 0
let skipped = 0
for (const file of files) {
  if (!existsSync(file)) {
    console.error(`missing ${file}: that test project did not run`)
    failed++
    continue
  }
  const report = JSON.parse(readFileSync(file, 'utf8')) as VitestJson
  passed += report.numPassedTests
  failed += report.numFailedTests
  skipped += report.numPendingTests + report.numTodoTests
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
