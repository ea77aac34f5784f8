// A scene's narration index as the app should see it right now: the one the asset build wrote (the
// synthesised voice), with every recording the venue has put in scenes/<id>/audio/ laid over it. It is
// read on each request, so a recording dropped into the folder plays on the next scene load, with no
// rebuild and no code change.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  type NarrationIndex,
  NarrationIndex as NarrationIndexSchema,
  parseRecordingName,
} from '../../shared/narration-index'
import type { SceneId } from '../../shared/scene-id'

export function narrationIndexFor(id: SceneId, distDir: string, scenesDir: string): NarrationIndex {
  const index = builtIndex(join(distDir, 'audio', 'narration', id, 'index.json'))
  let names: string[] = []
  try {
    names = readdirSync(join(scenesDir, id, 'audio'))
  } catch {
    // No recordings folder: the synthesised voice is all there is.
  }
  for (const name of names.sort()) {
    const recording = parseRecordingName(name)
    // A recording must name a line the scene speaks: its text is what the subtitle shows.
    const line = recording && index.lines[recording.line]?.[recording.lang]
    if (!recording || !line) continue
    index.lines[recording.line][recording.lang] = {
      text: line.text,
      file: `/scenes/${id}/audio/${encodeURIComponent(name)}`,
      recorded: true,
    }
  }
  return index
}

function builtIndex(file: string): NarrationIndex {
  try {
    const parsed = NarrationIndexSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    if (parsed.success) return parsed.data
  } catch {
    // Not built (or unreadable): the scene simply has no narration audio.
  }
  return { lines: {} }
}
