// Spoken questions where the browser offers speech recognition (feature-detected; absent in many
// browsers and headsets, where the visitor picks or types instead).
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
}

type RecognitionConstructor = new () => Recognition

function recognitionConstructor(): RecognitionConstructor | undefined {
  if (typeof window === 'undefined') return undefined
  const w = window as unknown as {
    SpeechRecognition?: RecognitionConstructor
    webkitSpeechRecognition?: RecognitionConstructor
  }
  return w.SpeechRecognition ?? w.webkitSpeechRecognition
}

export function speechRecognitionAvailable(): boolean {
  return recognitionConstructor() !== undefined
}

/** Listens once; resolves with what was heard, or null on error, silence or no support. */
export function listenOnce(lang: 'zh' | 'en'): { result: Promise<string | null>; cancel(): void } {
  const Ctor = recognitionConstructor()
  if (!Ctor) return { result: Promise.resolve(null), cancel() {} }
  const recognition = new Ctor()
  recognition.lang = lang === 'zh' ? 'zh-CN' : 'en-US'
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
