// Subtitles for the current narration, in their one home: the view's "subtitle" slot, between the
// centre and the console strip, in XR and on desktop alike. A long narration is shown two lines at a
// time, so the text never runs past the bar: paced by the audio actually playing when there is a file
// (pauses, speed and a venue's own recording included), else by its reading time. The bar leaves as
// soon as the narration ends or is stopped (a new stop, a minimap jump, leaving the scene).
import { useEffect, useMemo, useState } from 'react'
import { useSettings } from '../settings/settings-store'
import { Panel } from '../ui/Panel'
import { textPages } from '../ui/text-pages'
import { theme } from '../ui/theme'
import { UiText } from '../ui/UiText'
import { ViewSlot } from '../ui/ViewSlot'
import { useRoute } from '../url/route-store'
import { subtitleDurationMs, useNarrationStore } from './narration'

const BAR_W = 1.1
const TEXT_W = 1.02
const LINES = 2
const LINE_HEIGHT = 1.25

/** The page holding fraction `progress` (0..1) of a narration whose pages weigh `weights`. */
export function pageAt(weights: readonly number[], progress: number): number {
  const total = weights.reduce((a, b) => a + b, 0)
  let reached = 0
  for (let i = 0; i < weights.length; i++) {
    reached += weights[i]
    if (progress * total < reached) return i
  }
  return Math.max(0, weights.length - 1)
}

export function SubtitleBar() {
  const subtitle = useNarrationStore((s) => s.subtitle)
  const speaking = useNarrationStore((s) => s.speaking)
  const scale = useSettings((s) => s.subtitleScale)
  const rate = useSettings((s) => s.narrationRate)
  const lang = useRoute((s) => s.lang)
  const fontSize = 0.046 * scale
  // Pre-wrapped a little inside the bar: Latin widths are estimated, and troika must not add a third line.
  const pages = useMemo(() => textPages(subtitle, (TEXT_W / fontSize) * 0.92, LINES), [subtitle, fontSize])
  const weights = useMemo(() => pages.map((p) => [...p.replaceAll('\n', '')].length), [pages])
  const [timedPage, setPage] = useState(0)
  // With an audio file, the page is where the audio is, shared out by length.
  const audioPage = useNarrationStore((s) =>
    s.progress === undefined ? undefined : pageAt(weights, s.progress),
  )
  const page = audioPage ?? timedPage
  const followsAudio = audioPage !== undefined
  // Without one, pages advance with the narration's reading time.
  useEffect(() => {
    setPage(0)
    if (!speaking || pages.length < 2 || followsAudio) return
    const total = subtitleDurationMs(subtitle, lang) / rate
    const sum = weights.reduce((a, b) => a + b, 0)
    const timers: ReturnType<typeof setTimeout>[] = []
    let at = 0
    for (let i = 0; i < pages.length - 1; i++) {
      at += (total * weights[i]) / sum
      timers.push(setTimeout(() => setPage(i + 1), at))
    }
    return () => {
      for (const t of timers) clearTimeout(t)
    }
  }, [pages, weights, speaking, subtitle, lang, rate, followsAudio])
  if (!subtitle || !speaking) return null
  // Slim padding: the subtitle line is a short slot, and every millimetre of bar shrinks the text.
  const height = fontSize * LINES * LINE_HEIGHT + 0.02
  return (
    // Subtitles never catch a pointer: rays and clicks pass through to what is behind them.
    <ViewSlot slot="subtitle" width={BAR_W} height={height} name="subtitle-bar">
      <group pointerEvents="none">
        <Panel width={BAR_W} height={height} color={theme.panelDark} opacity={0.82} name="subtitle-panel">
          <UiText
            text={pages[Math.min(page, pages.length - 1)]}
            fontSize={fontSize}
            lineHeight={LINE_HEIGHT}
            maxWidth={TEXT_W}
            color={theme.textOnDark}
            position={[0, 0, 0.004]}
            fixedSize
            name="subtitle-text"
          />
        </Panel>
      </group>
    </ViewSlot>
  )
}
