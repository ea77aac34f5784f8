// The tour schema against the shipped tour scenes and against the mistakes an author is likely to make.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { validateSceneText } from '../../../../src/schema/scene-validation'

function load(id: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`scenes/${id}/scene.json`, 'utf8'))
}

function check(scene: unknown, id = 'red-tourism') {
  return validateSceneText(JSON.stringify(scene), id)
}

describe('tour scenes', () => {
  it('red-tourism and ruijin are valid tours with English everywhere', () => {
    for (const id of ['red-tourism', 'ruijin']) {
      const result = check(load(id), id)
      expect(result.ok, JSON.stringify(result)).toBe(true)
      if (result.ok) expect(result.warnings).toEqual([])
    }
  })

  it('red-tourism has the stations the issue asks for', () => {
    const result = check(load('red-tourism'))
    if (!result.ok || result.scene.kind !== 'tour') throw new Error('red-tourism must be a valid tour')
    const tour = result.scene.tour
    const types = new Set(tour.exhibits.map((e) => e.type))
    for (const t of ['display-case', 'plaque', 'diorama', 'wall-map'])
      expect(types.has(t as never)).toBe(true)
    expect(tour.exhibits.filter((e) => e.type !== 'monument').length).toBeGreaterThanOrEqual(6)
    expect(tour.quiz?.questions).toHaveLength(3)
    expect(tour.timeline?.startYear).toBe(1927)
    expect(tour.timeline?.endYear).toBe(1949)
    expect(new Set(tour.stops.map((s) => s.station))).toEqual(
      new Set(['overview', 'exhibit', 'panorama', 'then-and-now', 'timeline', 'quiz']),
    )
  })

  it('reports a stop whose target is missing or of the wrong type, with its path', () => {
    const scene = load('red-tourism') as { tour: { stops: { target?: string }[] } }
    scene.tour.stops[1].target = 'no-such-exhibit'
    scene.tour.stops[2].target = 'closing-quiz'
    const result = check(scene)
    expect(result.ok).toBe(false)
    if (result.ok) return
    const paths = result.problems.map((p) => p.path)
    expect(paths).toContain('tour.stops[1].target')
    expect(paths).toContain('tour.stops[2].target')
    expect(result.problems.find((p) => p.path === 'tour.stops[2].target')?.message).toMatch(/is a quiz/)
  })

  it('reports a quiz answer outside its options and a timeline event outside its years', () => {
    const scene = load('red-tourism') as {
      tour: { quiz: { questions: { answer: number }[] }; timeline: { events: { year: number }[] } }
    }
    scene.tour.quiz.questions[0].answer = 9
    scene.tour.timeline.events[0].year = 1911
    const result = check(scene)
    expect(result.ok).toBe(false)
    if (result.ok) return
    const paths = result.problems.map((p) => p.path)
    expect(paths).toContain('tour.quiz.questions[0].answer')
    expect(paths).toContain('tour.timeline.events[0].year')
  })

  it('refuses off-origin images and duplicate hotspot ids', () => {
    const scene = load('red-tourism') as { tour: { hotspots: { id: string; image: string }[] } }
    scene.tour.hotspots[0].image = 'https://example.com/x.png'
    scene.tour.hotspots[1].id = scene.tour.hotspots[2].id
    const result = check(scene)
    expect(result.ok).toBe(false)
    if (result.ok) return
    const paths = result.problems.map((p) => p.path)
    expect(paths).toContain('tour.hotspots[0].image')
  })
})
