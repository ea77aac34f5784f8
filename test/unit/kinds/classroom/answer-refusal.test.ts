// An answer is shown as answered only once it is graded: one that cannot be recorded (bad choice,
// server unreachable) is taken back, so the visitor can answer again, and the panel says so.
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { answerQuestion, startSolo, useClassroom } from '../../../../src/kinds/classroom/classroom-store'
import type { ClassroomContent } from '../../../../src/schema/kinds/classroom'

const content = (
  JSON.parse(readFileSync('scenes/classroom/scene.json', 'utf8')) as { classroom: ClassroomContent }
).classroom
const first = content.quiz.questions[0]

afterEach(() => vi.unstubAllGlobals())

describe('quiz answers that are refused', () => {
  it('grades a valid answer locally when the scene carries the answer key', () => {
    startSolo(content)
    answerQuestion(first.id, [first.correct![0]])
    const s = useClassroom.getState()
    expect(s.myAnswers[first.id]).toMatchObject({ correct: true })
    expect(s.myAnswers[first.id].pending).toBeUndefined()
    expect(s.answerRefused).toBe(false)
  })

  it('takes back an answer the grader refuses and flags it for the panel', () => {
    startSolo(content)
    answerQuestion(first.id, ['no-such-choice'])
    const s = useClassroom.getState()
    expect(s.myAnswers[first.id]).toBeUndefined()
    expect(s.answerRefused).toBe(true)
    // Answering again clears the notice and records the answer.
    answerQuestion(first.id, [first.correct![0]])
    expect(useClassroom.getState().answerRefused).toBe(false)
    expect(useClassroom.getState().myAnswers[first.id]?.correct).toBe(true)
  })

  it('takes back an answer when the server that holds the key cannot be reached', async () => {
    const redacted: ClassroomContent = {
      ...content,
      quiz: {
        ...content.quiz,
        answersRedacted: true,
        questions: content.quiz.questions.map(({ correct: _, ...q }) => q),
      },
    }
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('network down'))),
    )
    startSolo(redacted, 'classroom')
    answerQuestion(first.id, ['jupiter'])
    expect(useClassroom.getState().myAnswers[first.id]?.pending).toBe(true)
    await vi.waitFor(() => expect(useClassroom.getState().answerRefused).toBe(true))
    expect(useClassroom.getState().myAnswers[first.id]).toBeUndefined()
  })
})
