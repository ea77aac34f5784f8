// The hall offers a microphone only where speech is recognised on the device: a browser whose
// recogniser sends audio to a cloud service (plain webkitSpeechRecognition) gets none.
import { afterEach, describe, expect, it } from 'vitest'
import {
  listenOnce,
  offlineRecognitionAvailable,
} from '../../../../src/kinds/service-hall/views/speech-input'

type Availability = 'available' | 'downloadable' | 'downloading' | 'unavailable'
const asked: { langs: string[]; processLocally: boolean }[] = []
let started: { lang: string; processLocally?: boolean } | undefined

function browserWith(api: Record<string, unknown>): void {
  ;(globalThis as { window?: unknown }).window = api
}

class FakeRecognition {
  lang = ''
  processLocally?: boolean
  interimResults = true
  maxAlternatives = 5
  onresult = null
  onerror = null
  onend: (() => void) | null = null
  start() {
    started = { lang: this.lang, processLocally: this.processLocally }
    this.onend?.()
  }
  abort() {}
}

const onDevice = (answer: Availability | Error) =>
  Object.assign(class extends FakeRecognition {}, {
    available: async (options: { langs: string[]; processLocally: boolean }) => {
      asked.push(options)
      if (answer instanceof Error) throw answer
      return answer
    },
  })

afterEach(() => {
  delete (globalThis as { window?: unknown }).window
  asked.length = 0
  started = undefined
})

describe('offline speech input', () => {
  it('is offered when the language is installed for on-device recognition', async () => {
    browserWith({ SpeechRecognition: onDevice('available') })
    expect(await offlineRecognitionAvailable('zh')).toBe(true)
    expect(asked).toEqual([{ langs: ['zh-CN'], processLocally: true }])
  })

  it('is not offered for a cloud-only recogniser, a pack not yet installed, or a blocked check', async () => {
    browserWith({ webkitSpeechRecognition: FakeRecognition })
    expect(await offlineRecognitionAvailable('zh')).toBe(false)
    for (const answer of ['downloadable', 'downloading', 'unavailable'] as const) {
      browserWith({ SpeechRecognition: onDevice(answer) })
      expect(await offlineRecognitionAvailable('en'), answer).toBe(false)
    }
    browserWith({ SpeechRecognition: onDevice(new Error('blocked by permissions policy')) })
    expect(await offlineRecognitionAvailable('zh')).toBe(false)
    browserWith({})
    expect(await offlineRecognitionAvailable('zh')).toBe(false)
  })

  it('asks the recogniser to stay on the device', async () => {
    browserWith({ SpeechRecognition: onDevice('available') })
    await listenOnce('en').result
    expect(started).toEqual({ lang: 'en-US', processLocally: true })
  })
})
