// Spoken questions, only where the browser recognises speech on the device itself. Chrome's plain
// webkitSpeechRecognition sends the audio to a cloud service, which an offline venue (and China)
// cannot reach, so it is not offered: the microphone shows only when the Web Speech API's
// `SpeechRecognition.available({ processLocally: true })` says the language is installed, and then
// recognition is told to stay local. Everywhere else the visitor picks or types, which always works.
interface RecognitionResultEvent {
  results: ArrayLike<ArrayLike<{ transcript: string }>>
}

interface Recognition {
  lang: string
  interimResults: boolean
  maxAlternatives: number
  onresult: ((e: RecognitionResultEvent) => void) | null
  onerror: (() => void) | null
  onend: (() => void) | null
  start(): void
  abort(): void
  /** Must be processed on the device (Web Speech API, on-device recognition). */
  processLocally?: boolean
}

type Availability = 'available' | 'downloadable' | 'downloading' | 'unavailable'

type RecognitionConstructor = (new () => Recognition) & {
  available?: (options: { langs: string[]; processLocally: boolean }) => Promise<Availability>
}

const languageTag = (lang: 'zh' | 'en') => (lang === 'zh' ? 'zh-CN' : 'en-US')

function recognitionConstructor(): RecognitionConstructor | undefined {
  if (typeof window === 'undefined') return undefined
  const w = window as unknown as {
    SpeechRecognition?: RecognitionConstructor
    webkitSpeechRecognition?: RecognitionConstructor
  }
  return w.SpeechRecognition ?? w.webkitSpeechRecognition
}

/** True only when `lang` can be recognised on this device, with no audio leaving it. */
export async function offlineRecognitionAvailable(lang: 'zh' | 'en'): Promise<boolean> {
  const Ctor = recognitionConstructor()
  if (!Ctor?.available) return false
  try {
    return (await Ctor.available({ langs: [languageTag(lang)], processLocally: true })) === 'available'
  } catch {
    // Blocked by a permissions policy, or an older shape of the API: no microphone.
    return false
  }
}

/** Listens once; resolves with what was heard, or null on error, silence or no support. */
export function listenOnce(lang: 'zh' | 'en'): { result: Promise<string | null>; cancel(): void } {
  const Ctor = recognitionConstructor()
  if (!Ctor) return { result: Promise.resolve(null), cancel() {} }
  const recognition = new Ctor()
  recognition.lang = languageTag(lang)
  recognition.processLocally = true
  recognition.interimResults = false
  recognition.maxAlternatives = 1
  const result = new Promise<string | null>((resolve) => {
    let heard: string | null = null
    recognition.onresult = (e) => {
      heard = e.results[0]?.[0]?.transcript ?? null
    }
    recognition.onerror = () => resolve(null)
    recognition.onend = () => resolve(heard)
  })
  try {
    recognition.start()
  } catch {
    return { result: Promise.resolve(null), cancel() {} }
  }
  return { result, cancel: () => recognition.abort() }
}
