// The committed scenes/scene.schema.json must equal a fresh write-out of the zod schema, so a schema
// change without `npm run assets` (which regenerates it) fails here instead of misleading editors.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SCENE_JSON_SCHEMA, sceneJsonSchemaText } from '../../../scripts/assets/json-schema'

const root = resolve(import.meta.dirname, '../../..')

describe('scene JSON Schema', () => {
  it('is up to date with src/schema (run npm run assets and commit it)', () => {
    const committed = readFileSync(join(root, SCENE_JSON_SCHEMA), 'utf8')
    expect(committed === sceneJsonSchemaText(), `${SCENE_JSON_SCHEMA} is stale: run npm run assets`).toBe(
      true,
    )
  })

  // `npm test` runs the build (which rewrites the file) before the tests, so in CI the working
  // copy is always fresh: there, compare the fresh schema with the committed one instead.
  it.runIf(process.env.CI)('matches the committed file in CI', () => {
    let committed: string
    try {
      committed = execFileSync('git', ['show', `HEAD:${SCENE_JSON_SCHEMA}`], { cwd: root, encoding: 'utf8' })
    } catch (error) {
      throw new Error(`cannot read ${SCENE_JSON_SCHEMA} from git HEAD: ${String(error)}`)
    }
    expect(
      committed === sceneJsonSchemaText(),
      `${SCENE_JSON_SCHEMA} in git is stale: regenerate and commit`,
    ).toBe(true)
  })

  it('describes every kind, with defaulted fields optional for authors', () => {
    const schema = JSON.parse(sceneJsonSchemaText()) as {
      oneOf: Array<{ properties: Record<string, { const?: string }>; required: string[] }>
    }
    const kinds = schema.oneOf.map((branch) => branch.properties.kind.const).sort()
    expect(kinds).toEqual(['classroom', 'service-hall', 'tour', 'twin'])
    for (const branch of schema.oneOf) {
      expect(branch.required).toContain('kind')
      expect(branch.required).not.toContain('$schema')
    }
  })

  it('is the schema every scene file names', () => {
    const scenes = readdirSync(join(root, 'scenes'), { withFileTypes: true }).filter((d) => d.isDirectory())
    for (const dir of scenes) {
      const text = readFileSync(join(root, 'scenes', dir.name, 'scene.json'), 'utf8')
      expect(JSON.parse(text).$schema, dir.name).toBe('../scene.schema.json')
    }
  })
})
