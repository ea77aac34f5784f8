// How a venue names a recording, and how a narration's text finds its audio.
import { describe, expect, it } from 'vitest'
import { narrationKey, parseRecordingName } from '../../../src/shared/narration-index'

describe('narration index', () => {
  it('accepts <line>.<zh|en>.<audio extension> and nothing else', () => {
    expect(parseRecordingName('stop-welcome.zh.mp3')).toEqual({ line: 'stop-welcome', lang: 'zh' })
    expect(parseRecordingName('clerk-fallback.en.m4a')).toEqual({ line: 'clerk-fallback', lang: 'en' })
    for (const name of ['stop-welcome.fr.mp3', 'stop-welcome.zh.txt', 'Stop.zh.mp3', '.zh.mp3', 'a/b.zh.mp3'])
      expect(parseRecordingName(name), name).toBeUndefined()
  })

  it('keys a text by its words, not its spacing', () => {
    expect(narrationKey('  Hello,   this is\nwindow 3. ')).toBe('Hello, this is window 3.')
  })
})
