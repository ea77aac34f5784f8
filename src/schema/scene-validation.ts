// Turns a scene file's text into a Scene or a list of readable problems. Shared by the app's scene
// loader and `npm run check:scenes`, so authors see the same messages in both places.
import type { z } from 'zod'
import type { LocalizedText } from './common'
import { Scene } from './scene-schema'

export interface SceneProblem {
  /** JSON path inside the file, e.g. "tour.stops[2].title.zh"; "" for the whole file. */
  path: string
  message: string
  severity: 'error' | 'warning'
}

export type SceneValidation =
  | { ok: true; scene: Scene; warnings: SceneProblem[] }
  | { ok: false; problems: SceneProblem[] }

export function formatJsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out ? `.${String(key)}` : String(key)
  }
  return out
}

/** Validates a scene file. `folderId` is the folder name, which the scene's id must match. */
export function validateSceneText(text: string, folderId: string): SceneValidation {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return {
      ok: false,
      problems: [{ path: '', message: `not valid JSON: ${(error as Error).message}`, severity: 'error' }],
    }
  }
  const parsed = Scene.safeParse(json)
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue: z.core.$ZodIssue) => ({
        path: formatJsonPath(issue.path),
        message: issue.message,
        severity: 'error' as const,
      })),
    }
  }
  if (parsed.data.id !== folderId) {
    return {
      ok: false,
      problems: [
        {
          path: 'id',
          message: `id "${parsed.data.id}" must match its folder name "${folderId}"`,
          severity: 'error',
        },
      ],
    }
  }
  return { ok: true, scene: parsed.data, warnings: findMissingEnglish(parsed.data) }
}

/** Every { zh, en } text whose English is empty: the app shows Chinese there, and authors are told. */
export function findMissingEnglish(value: unknown, path: PropertyKey[] = []): SceneProblem[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => findMissingEnglish(item, [...path, i]))
  if (value === null || typeof value !== 'object') return []
  const record = value as Record<string, unknown>
  // A display unit may be empty in one language on purpose: Chinese counts take a measure word (个),
  // English ones none ("3", not "3 个"); the twin shows the empty unit as it is.
  if (path.at(-1) === 'displayUnit') return []
  if (isLocalizedText(record)) {
    return record.en.trim() === ''
      ? [
          {
            path: formatJsonPath(path),
            message: 'English text missing; Chinese is shown instead',
            severity: 'warning',
          },
        ]
      : []
  }
  return Object.entries(record).flatMap(([key, child]) => findMissingEnglish(child, [...path, key]))
}

function isLocalizedText(record: Record<string, unknown>): record is LocalizedText {
  const keys = Object.keys(record)
  return keys.length === 2 && typeof record.zh === 'string' && typeof record.en === 'string'
}
