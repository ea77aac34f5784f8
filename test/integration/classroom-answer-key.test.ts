// The quiz answer key never reaches a browser: the served scene file has none, and a solo visitor is
// graded by the server. The room already never sends answers (classroom-room.test.ts).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkScenes } from '../../scripts/check-scenes'
import { validateSceneText } from '../../src/schema/scene-validation'
import { type RunningServer, startServer } from '../../src/server/app'
import { createClassroomModule } from '../../src/server/classroom/classroom-module'
import { readConfig } from '../../src/server/config'
import { createStaticFilesModule } from '../../src/server/http/static-files'
import { ErrorResponse, GradeRoute } from '../../src/shared/classroom/http-contracts'

const dataDir = mkdtempSync(join(tmpdir(), 'xr-answer-key-'))
let server: RunningServer

beforeAll(async () => {
  process.env.LOG_LEVEL = 'warn'
  server = await startServer(
    {
      ...readConfig([], {}),
      port: 0,
      host: '127.0.0.1',
      dataDir,
      distDir: resolve('dist'),
      scenesDir: resolve('scenes'),
    },
    [createStaticFilesModule, createClassroomModule],
  )
})
afterAll(async () => {
  await server?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('classroom answer key', () => {
  it('is removed from the scene file browsers receive, which still validates', async () => {
    const text = await (await fetch(`${server.url}/scenes/classroom/scene.json`)).text()
    const served = JSON.parse(text)
    expect(served.classroom.quiz.answersRedacted).toBe(true)
    for (const q of served.classroom.quiz.questions) {
      expect(q).not.toHaveProperty('correct')
      expect(q).not.toHaveProperty('explanation')
    }
    expect(validateSceneText(text, 'classroom').ok).toBe(true)
  })

  it('grades a solo answer on the server, right and wrong', async () => {
    const scene = JSON.parse(readFileSync('scenes/classroom/scene.json', 'utf8'))
    const question = scene.classroom.quiz.questions[0]
    const right = question.correct as string[]
    const wrong = (question.choices as { id: string }[]).map((c) => c.id).filter((id) => !right.includes(id))
    const grade = (choiceIds: string[]) =>
      fetch(`${server.url}/api/classroom/grade`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scene: 'classroom', questionId: question.id, choiceIds }),
      })
    const ok = GradeRoute.response.parse(await (await grade(right)).json())
    expect(ok.graded.correct).toBe(true)
    expect(ok.graded.points).toBe(question.points ?? 1)
    const bad = GradeRoute.response.parse(await (await grade([wrong[0]])).json())
    expect(bad.graded.correct).toBe(false)
    expect(bad.graded.points).toBe(0)
    const malformed = await fetch(`${server.url}/api/classroom/grade`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scene: 'classroom', questionId: 42 }),
    })
    expect(malformed.status).toBe(400)
    expect(ErrorResponse.parse(await malformed.json()).error).toMatch(/^questionId: /)
    const badScene = await fetch(`${server.url}/api/classroom/grade`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scene: '../classroom', questionId: question.id, choiceIds: right }),
    })
    expect(badScene.status).toBe(400)
    expect(ErrorResponse.parse(await badScene.json()).error).toMatch(/^scene: /)
  })

  it('still requires authors to write the answers', () => {
    // The shipped scene has them; a scene without them (and not marked redacted) is an error.
    expect(checkScenes('scenes').errorCount).toBe(0)
    const scene = JSON.parse(readFileSync('scenes/classroom/scene.json', 'utf8'))
    delete scene.classroom.quiz.questions[0].correct
    const result = validateSceneText(JSON.stringify(scene), 'classroom')
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.problems.map((p) => p.path)).toContain('classroom.quiz.questions[0].correct')
  })
})
