// Text that follows live data without React: the getter runs only when the data can have changed (a
// version the caller bumps, else a few times a second) and the troika text is updated in place only
// when the string differs. A frame with nothing new costs one comparison and allocates nothing.
import { useEffect, useRef, useState } from 'react'
import { useFrameStage } from '../frame'
import { UiText, type UiTextProps } from './UiText'

interface TroikaText {
  text: string
  sync(): void
}

/** What each named LiveText shows right now, for debug views (a read-only mirror of the screen). */
export const liveTextShown = new Map<string, string>()

export type LiveTextProps = Omit<UiTextProps, 'text'> & {
  /** Builds the text; called only when `version` changed (or every `everyMs` without one). */
  get: () => string
  /**
   * A cheap counter that changes whenever the text can have changed (e.g. the data's revision). With it
   * the getter runs once per change, at most once a frame; without it, every `everyMs`.
   */
  version?: () => number
  /** Polling period when there is no `version`, ms. Default 250. */
  everyMs?: number
}

export function LiveText({ get, version, everyMs = 250, ...rest }: LiveTextProps) {
  const ref = useRef<TroikaText>(null)
  const [initial] = useState(get)
  const last = useRef({ at: 0, version: version?.() ?? 0, text: initial })
  const name = typeof rest.name === 'string' ? rest.name : undefined
  // A re-render (new language, new props) may change the text without a version change: look again.
  const rendered = useRef(true)
  useEffect(() => {
    rendered.current = true
  })
  useEffect(() => {
    if (!name) return
    liveTextShown.set(name, last.current.text)
    return () => {
      liveTextShown.delete(name)
    }
  }, [name])
  useFrameStage('uiFollow', (state) => {
    const seen = last.current
    if (version) {
      const v = version()
      if (v === seen.version && !rendered.current) return
      seen.version = v
      rendered.current = false
    } else {
      const now = state.clock.elapsedTime * 1000
      if (now - seen.at < everyMs) return
      seen.at = now
    }
    const text = get()
    if (text !== seen.text && ref.current) {
      seen.text = text
      ref.current.text = text
      ref.current.sync()
      if (name) liveTextShown.set(name, text)
    }
  })
  return <UiText ref={ref as never} text={initial} {...rest} />
}
