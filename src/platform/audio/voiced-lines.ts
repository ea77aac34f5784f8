// The open scene's voiced lines: which narration texts have an audio file (synthesised at build
// time, or a venue's own recording), fetched from the server when a scene opens. Narration looks a
// line up by its text, so no kind has to name its files.
import {
  type LineAudio,
  NARRATION_LANGS,
  NarrationIndex,
  type NarrationLang,
  narrationKey,
} from '../../shared/narration-index'

let lines: Record<NarrationLang, Map<string, LineAudio>> = { zh: new Map(), en: new Map() }
let loading: AbortController | undefined

/** Fetches scene `sceneId`'s narration index; without one (dev server, old build) lines use the device's voice. */
export async function loadVoicedLines(sceneId: string): Promise<void> {
  clearVoicedLines()
  const controller = new AbortController()
  loading = controller
  let index: NarrationIndex
  try {
    const response = await fetch(`/scenes/${encodeURIComponent(sceneId)}/narration.json`, {
      signal: controller.signal,
    })
    if (!response.ok) return
    const parsed = NarrationIndex.safeParse(await response.json())
    if (!parsed.success) {
      console.warn(`narration index of ${sceneId} is malformed; guides use the device's voice`, parsed.error)
      return
    }
    index = parsed.data
  } catch {
    // Left the scene (aborted) or the server is away: narration falls back to the device's voice.
    return
  }
  if (loading !== controller) return
  for (const entry of Object.values(index.lines))
    for (const lang of NARRATION_LANGS) {
      const audio = entry[lang]
      if (audio?.file) lines[lang].set(narrationKey(audio.text), audio)
    }
}

export function clearVoicedLines(): void {
  loading?.abort()
  loading = undefined
  lines = { zh: new Map(), en: new Map() }
}

/** The audio for `text` in `lang`, if the open scene has one. */
export function voicedLine(text: string, lang: NarrationLang): LineAudio | undefined {
  return lines[lang].get(narrationKey(text))
}
