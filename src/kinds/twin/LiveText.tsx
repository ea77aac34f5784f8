// Text that follows live data without React: a getter is polled a few times a second inside useFrame
// and the troika text object is updated in place only when the string changed.
import { useFrame } from '@react-three/fiber'
import { useEffect, useRef, useState } from 'react'
import { UiText, type UiTextProps } from '../../platform/ui/UiText'

interface TroikaText {
  text: string
  sync(): void
}

/** What each named LiveText shows right now, for the test hooks (read-only mirror of the screen). */
export const liveTextShown = new Map<string, string>()

export type LiveTextProps = Omit<UiTextProps, 'text'> & {
  get: () => string
  everyMs?: number
}

export function LiveText({ get, everyMs = 250, ...rest }: LiveTextProps) {
  const ref = useRef<TroikaText>(null)
  const [initial] = useState(get)
  const last = useRef({ at: 0, text: initial })
  const name = typeof rest.name === 'string' ? rest.name : undefined
  useEffect(() => {
    if (!name) return
    liveTextShown.set(name, last.current.text)
    return () => {
      liveTextShown.delete(name)
    }
  }, [name])
  useFrame(() => {
    const now = performance.now()
    if (now - last.current.at < everyMs) return
    last.current.at = now
    const text = get()
    if (text !== last.current.text && ref.current) {
      last.current.text = text
      ref.current.text = text
      ref.current.sync()
      if (name) liveTextShown.set(name, text)
    }
  })
  return <UiText ref={ref as never} text={initial} {...rest} />
}
