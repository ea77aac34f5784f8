// Asset step: publishes the zod scene schema as JSON Schema (scenes/scene.schema.json), which each
// scene.json names in "$schema" so editors validate while authors type. The file is committed;
// test/unit/assets/json-schema.test.ts fails when it is stale.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { Scene } from '../../src/schema/scene-schema'

export const SCENE_JSON_SCHEMA = 'scenes/scene.schema.json'

/** The JSON Schema text for scene files: input shape, so fields with defaults are optional for authors.
// Shared parts are inlined rather than $ref'd: numbered $defs would renumber on every schema change. */
export function sceneJsonSchemaText(): string {
  const schema = z.toJSONSchema(Scene, { io: 'input', unrepresentable: 'any' })
  const document = {
    ...schema,
    title: 'XR Showcase scene',
    description:
      'One scene folder of XR Showcase (scenes/<id>/scene.json). Generated from src/schema/scene-schema.ts by npm run assets; do not edit by hand.',
  }
  return `${JSON.stringify(document, null, 2)}\n`
}

/** Rewrites the committed schema file when it differs; returns whether it changed. */
export function writeSceneJsonSchema(root: string): boolean {
  const path = join(root, SCENE_JSON_SCHEMA)
  const text = sceneJsonSchemaText()
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return false
  writeFileSync(path, text)
  return true
}
