// The store's actions without React or a server: room patches, grading and refusals from the room, solo
// mode's slides and quiz, server grading whose answer does not fit the contract, and the teacher's tool.
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  answerQuestion,
  applyGraded,
  applyRefused,
  applyRoomState,
  leaveClass,
  live,
  restartSoloQuiz,
  setSlide,
  showMemberPage,
  showQuiz,
  startSolo,
  useClassroom,
} from '../../../../src/kinds/classroom/classroom-store'
import { setTool } from '../../../../src/kinds/classroom/room-actions'
import { ClassroomContent } from '../../../../src/schema/kinds/classroom'
import { member, roomState } from './room-state-fixture'

const content = ClassroomContent.parse(
  JSON.parse(readFileSync('scenes/classroom/scene.json', 'utf8')).classroom,
)
const first = content.quiz.questions[0]
const redacted: ClassroomContent = {
  ...content,
  quiz: {
    ...content.quiz,
    answersRedacted: true,
    questions: content.quiz.questions.map(({ correct: _, ...q }) => q),
  },
}

beforeEach(async () => {
  await leaveClass()
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('classroom store: what the room reports', () => {
  it('keeps the member page within the pages there are, as students leave and as a page key asks', () => {
    const students = (n: number) =>
      Object.fromEntries([
        ['t', member({ role: 'teacher', name: 'T' })],
        ...Array.from({ length: n }, (_, i) => [`s${i}`, member({ name: `S${i}` })]),
      ])
    useClassroom.setState({ selfId: 't' })
    applyRoomState(roomState(students(5)), 0)
    showMemberPage(2)
    expect(useClassroom.getState().memberPage).toBe(2)
    showMemberPage(9)
    expect(useClassroom.getState().memberPage).toBe(2)
    // Three of five leave: two students are one page, and the store says so, not only the view.
    applyRoomState(roomState(students(2)), 0)
    expect(useClassroom.getState().memberPage).toBe(0)
    showMemberPage(-3)
    expect(useClassroom.getState().memberPage).toBe(0)
  })

  it('mirrors a patch, and a new quiz session clears my answers, score and results and opens the panel', () => {
    useClassroom.setState({
      selfId: 'me',
      myAnswers: { a: { choiceIds: ['x'], correct: true, correctChoiceIds: ['x'] } },
      myScore: { score: 1, maxScore: 5 },
    })
    applyRoomState(
      roomState(
        { me: member(), t: member({ role: 'teacher', name: 'T' }) },
        { slide: 1, quiz: { phase: 'open', quizSessionId: 'q2' } },
      ),
      0,
    )
    const s = useClassroom.getState()
    expect(s).toMatchObject({
      slide: 1,
      quizPhase: 'open',
      quizSessionId: 'q2',
      myAnswers: {},
      myScore: null,
      results: null,
      quizShown: true,
    })
    expect(s.members.map((m) => m.name)).toEqual(['Alice', 'T'])
    expect([...live.avatars.tracks.keys()]).toEqual(['t'])
  })

  it('leaves the store object alone when a patch changes nothing it shows', () => {
    useClassroom.setState({ selfId: 'me' })
    const state = roomState({ me: member() })
    applyRoomState(state, 0)
    const before = useClassroom.getState()
    applyRoomState(roomState({ me: member({ pose: [2, 1.6, 2, 0, 0, 0, 1] }) }), 50)
    expect(useClassroom.getState()).toBe(before)
  })

  it('records a graded answer with the score the server sent', () => {
    applyGraded({
      questionId: 'q',
      correct: false,
      points: 0,
      maxPoints: 1,
      correctChoiceIds: ['b'],
      score: 2,
      maxScore: 5,
    })
    expect(useClassroom.getState().myAnswers.q).toMatchObject({ correct: false, correctChoiceIds: ['b'] })
    expect(useClassroom.getState().myScore).toEqual({ score: 2, maxScore: 5 })
  })

  it('takes back a pending answer the room refused, but not one it already has', () => {
    useClassroom.setState({
      myAnswers: { q: { choiceIds: ['a'], correct: false, correctChoiceIds: [], pending: true } },
    })
    applyRefused({ type: 'quiz:answer', reason: 'already answered' })
    expect(useClassroom.getState().myAnswers.q).toBeDefined()
    applyRefused({ type: 'quiz:answer', reason: 'the quiz is not open' })
    expect(useClassroom.getState().myAnswers.q).toBeUndefined()
    expect(useClassroom.getState().answerRefused).toBe(true)
  })
})

describe('classroom store: solo mode', () => {
  it('opens the quiz at once, its panel folded so the slides show, and turns slides locally, clamped to the deck', () => {
    startSolo(content, 'classroom')
    expect(useClassroom.getState()).toMatchObject({
      mode: 'solo',
      quizPhase: 'open',
      quizShown: false,
      slide: 0,
    })
    showQuiz(true)
    expect(useClassroom.getState().quizShown).toBe(true)
    setSlide(99)
    expect(useClassroom.getState().slide).toBe(content.slides.length - 1)
    setSlide(-3)
    expect(useClassroom.getState().slide).toBe(0)
  })

  it('starts the quiz over', () => {
    startSolo(content)
    answerQuestion(first.id, [first.correct?.[0] ?? ''])
    expect(useClassroom.getState().myScore?.score).toBe(first.points)
    restartSoloQuiz()
    expect(useClassroom.getState()).toMatchObject({ myAnswers: {}, myScore: null })
  })

  it('records the server’s grade when the scene has no key', async () => {
    const fetch = vi.fn(
      async (_url: string, _init?: RequestInit) =>
        new Response(
          JSON.stringify({
            graded: {
              questionId: first.id,
              choiceIds: ['jupiter'],
              correct: true,
              points: 1,
              maxPoints: 1,
              correctChoiceIds: ['jupiter'],
            },
          }),
          { status: 200, headers: { 'content-type': 'application/json' } },
        ),
    )
    vi.stubGlobal('fetch', fetch)
    startSolo(redacted, 'classroom')
    answerQuestion(first.id, ['jupiter'])
    await vi.waitFor(() => expect(useClassroom.getState().myAnswers[first.id]?.pending).toBeUndefined())
    expect(useClassroom.getState().myAnswers[first.id]?.correct).toBe(true)
    expect(JSON.parse(String(fetch.mock.calls[0]?.[1]?.body))).toEqual({
      scene: 'classroom',
      questionId: first.id,
      choiceIds: ['jupiter'],
    })
  })

  it('takes the answer back when the server’s reply does not fit the contract', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ graded: { correct: 'yes' } }), { status: 200 })),
    )
    startSolo(redacted, 'classroom')
    answerQuestion(first.id, ['jupiter'])
    await vi.waitFor(() => expect(useClassroom.getState().answerRefused).toBe(true))
    expect(useClassroom.getState().myAnswers[first.id]).toBeUndefined()
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('does not fit the contract'))
  })
})

describe('classroom store: the teacher’s tool', () => {
  it('hides the laser when the teacher puts it down', () => {
    live.laser.on = true
    setTool('draw')
    expect(useClassroom.getState().tool).toBe('draw')
    expect(live.laser.on).toBe(false)
  })
})
