import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { findMissingEnglish, validateSceneText } from '../../../src/schema/scene-validation'

const govHall = readFileSync('scenes/gov-hall/scene.json', 'utf8')

describe('scene validation', () => {
  it('accepts a shipped scene', () => {
    const result = validateSceneText(govHall, 'gov-hall')
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.scene.kind).toBe('service-hall')
  })

  it('reports broken JSON with its parser message', () => {
    const result = validateSceneText('{ "id": ', 'x')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems[0].message).toMatch(/not valid JSON/)
  })

  it('reports each problem with its JSON path', () => {
    const scene = JSON.parse(govHall)
    scene.title = { en: 'no Chinese' }
    scene.floors = []
    scene.spawn.position = [0, 'up', 0]
    const result = validateSceneText(JSON.stringify(scene), 'gov-hall')
    expect(result.ok).toBe(false)
    if (result.ok) return
    const paths = result.problems.map((p) => p.path)
    expect(paths).toContain('title.zh')
    expect(paths).toContain('floors')
    expect(paths).toContain('spawn.position[1]')
  })

  it('refuses an unknown kind and a kind without its content', () => {
    const scene = JSON.parse(govHall)
    const unknown = validateSceneText(JSON.stringify({ ...scene, kind: 'casino' }), 'gov-hall')
    expect(unknown.ok).toBe(false)
    const mismatched = validateSceneText(JSON.stringify({ ...scene, kind: 'tour' }), 'gov-hall')
    expect(mismatched.ok).toBe(false)
  })

  it('refuses asset paths to another origin, so a scene can never make the app go off-machine', () => {
    const scene = JSON.parse(govHall)
    scene.thumbnail = 'https://cdn.example.com/thumb.png'
    const result = validateSceneText(JSON.stringify(scene), 'gov-hall')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain('thumbnail')
    scene.thumbnail = '//cdn.example.com/thumb.png'
    expect(validateSceneText(JSON.stringify(scene), 'gov-hall').ok).toBe(false)
  })

  it('requires the id to match the folder name', () => {
    const result = validateSceneText(govHall, 'other-folder')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems[0].path).toBe('id')
  })

  it('warns about missing English with the path of the text', () => {
    expect(findMissingEnglish({ stops: [{ title: { zh: '第一站', en: '' } }] })).toEqual([
      {
        path: 'stops[0].title',
        message: 'English text missing; Chinese is shown instead',
        severity: 'warning',
      },
    ])
  })

  it('takes an empty display unit as meant, and the shipped twin with no warning', () => {
    expect(findMissingEnglish({ metrics: [{ displayUnit: { zh: '个', en: '' } }] })).toEqual([])
    const twin = validateSceneText(readFileSync('scenes/twin-park/scene.json', 'utf8'), 'twin-park')
    expect(twin.ok && twin.warnings).toEqual([])
  })
})
