import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { checkScenes } from '../../../scripts/check-scenes'

const dir = mkdtempSync(join(tmpdir(), 'check-scenes-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('check:scenes', () => {
  it('passes on the shipped scenes', () => {
    const report = checkScenes('scenes')
    expect(report.errorCount).toBe(0)
    for (const id of ['red-tourism', 'gov-hall', 'twin-park', 'classroom']) {
      expect(report.lines).toContain(`ok scenes/${id}/scene.json`)
    }
  })

  it('names a broken folder, the JSON path and the message, and exits non-zero', () => {
    cpSync('scenes/classroom', join(dir, 'classroom'), { recursive: true })
    mkdirSync(join(dir, 'broken'))
    writeFileSync(
      join(dir, 'broken', 'scene.json'),
      JSON.stringify({ id: 'broken', kind: 'twin', floors: [] }),
    )
    mkdirSync(join(dir, 'unfinished'))
    const report = checkScenes(dir)
    const text = report.lines.join('\n')
    expect(text).toMatch(/error \S*broken\/scene\.json title: /)
    expect(text).toMatch(/error \S*broken\/scene\.json floors: /)
    expect(text).toMatch(/error \S*unfinished \(folder\): no scene\.json/)
    expect(text).toMatch(/ok \S*classroom\/scene\.json/)

    const cli = spawnSync('npx', ['tsx', 'scripts/check-scenes.ts', dir], { encoding: 'utf8' })
    expect(cli.status).toBe(1)
    expect(cli.stdout).toContain('broken/scene.json')
  })
})
