import { describe, expect, it } from 'vitest'
import { exitOutsideCounts, filesFailedOutsideTests, type VitestJson } from '../../../scripts/test-summary'

const file = (name: string, status: string, tests: string[], message?: string) => ({
  name: `${process.cwd()}/${name}`,
  status,
  message,
  startTime: 0,
  endTime: 1,
  assertionResults: tests.map((s) => ({ status: s })),
})

const report = (files: VitestJson['testResults']): VitestJson => ({
  numPassedTests: 0,
  numFailedTests: 0,
  numPendingTests: 0,
  numTodoTests: 0,
  startTime: 0,
  testResults: files,
})

describe('the test summary', () => {
  it('counts a file whose beforeAll failed, though Vitest marks its tests skipped, not failed', () => {
    // The shape Vitest 4's JSON reporter writes for `beforeAll(() => { throw new Error('rig failed') })`.
    const broken = report([file('test/browser/a.test.ts', 'failed', ['skipped'], 'rig failed\n    at …')])
    expect(filesFailedOutsideTests(broken)).toEqual(['test/browser/a.test.ts: rig failed'])
  })

  it('leaves files whose own tests failed to the failed-test count, and passes passing files', () => {
    const normal = report([
      file('test/unit/b.test.ts', 'failed', ['passed', 'failed']),
      file('test/unit/c.test.ts', 'passed', ['passed']),
    ])
    expect(filesFailedOutsideTests(normal)).toEqual([])
  })

  it('counts a non-zero exit only when no failed test or broken file already explains it', () => {
    // CI printed "878 passed, 2 failed" for one failed test: its exit 1 was counted a second time.
    expect(exitOutsideCounts('1', 1)).toBe(false)
    expect(exitOutsideCounts('1', 0)).toBe(true)
    expect(exitOutsideCounts('0', 0)).toBe(false)
    expect(exitOutsideCounts(undefined, 0)).toBe(false)
  })
})
