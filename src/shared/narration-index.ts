// Which spoken lines of a scene have an audio file, in which language, and where it is. The asset
// build writes one per scene (synthesised speech under /audio/narration/<scene>/); the server lays
// the scene folder's own recordings (scenes/<scene>/audio/<line>.<lang>.mp3) over it on every
// request, and the app looks a line up by its text when it narrates.
import { z } from 'zod'
import { ID_PATTERN } from './scene-id'

export const NARRATION_LANGS = ['zh', 'en'] as const
export type NarrationLang = (typeof NARRATION_LANGS)[number]

/** A recording a venue drops into its scene folder: `<line id>.<lang>.<one of these>`. */
export const RECORDING_EXTENSIONS = ['mp3', 'm4a', 'ogg', 'wav'] as const

const LineAudio = z
  .object({
    /** The text the file speaks, as the scene says it; the app finds the file by it. */
    text: z.string().min(1),
    /** Same-origin URL; absent when the line has no audio (no synthesiser at build, no recording). */
    file: z
      .string()
      .regex(/^\/[^/]/, 'a same-origin path')
      .optional(),
    /** Length in milliseconds; absent for a venue's recording (the player reads it from the file). */
    ms: z.number().positive().optional(),
    /** Where each sentence starts, in ms (synthesised lines only): pauses lie between them. */
    sentences: z.array(z.object({ at: z.number().min(0), ms: z.number().positive() })).optional(),
    /** A person recorded it (it came from the scene folder), rather than the synthesiser. */
    recorded: z.boolean().optional(),
  })
  .strict()
export type LineAudio = z.infer<typeof LineAudio>

export const NarrationIndex = z
  .object({
    /** Line id → language → audio. */
    lines: z.record(
      z.string().regex(ID_PATTERN),
      z.object({ zh: LineAudio.optional(), en: LineAudio.optional() }).strict(),
    ),
  })
  .strict()
export type NarrationIndex = z.infer<typeof NarrationIndex>

/** One line a scene speaks, named so a venue can record it: `stop-bayi-gate`, `clerk-fallback`. */
export interface SpokenLine {
  id: string
  text: { zh: string; en: string }
  /**
   * Silence voiced after the line, in ms: for a part that other parts follow back to back (a verdict
   * before its explanation, an asset's name before its findings), where a full stop needs its breath.
   */
  pauseAfterMs?: number
}

/** The key a narration's text is looked up by: the same sentence with any run of spaces as one. */
export function narrationKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ')
}

/** `stop-bayi-gate.zh.mp3` → line and language, or undefined for any other file name. */
export function parseRecordingName(name: string): { line: string; lang: NarrationLang } | undefined {
  const match = /^([a-z0-9][a-z0-9-]{0,63})\.(zh|en)\.([a-z0-9]+)$/.exec(name)
  if (!match || !(RECORDING_EXTENSIONS as readonly string[]).includes(match[3])) return undefined
  return { line: match[1], lang: match[2] as NarrationLang }
}
