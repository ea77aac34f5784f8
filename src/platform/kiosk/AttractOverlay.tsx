// The attract loop's screen over the fly-through: a large call to touch, in the visitor's language
// with the other language under it, the scene on show, and a veil that fades between scenes. The
// cursor is hidden while it plays. Any press ends the loop (use-kiosk-mode.ts); the overlay fades out
// and takes the rest of that press, so the tap that woke the kiosk does not also open a lobby card.
import { useEffect, useState } from 'react'
import { useLocalize, useUiText } from '../i18n'
import { useSceneCatalog } from '../scenes/scene-catalog'
import { useKiosk } from './kiosk-state'
import { kioskStrings as s } from './kiosk-strings'
import './kiosk.css'

/** How long the overlay stays after the loop ended, fading, to take the waking press's click. */
const FADE_OUT_MS = 500

export function AttractOverlay() {
  const attract = useKiosk((k) => k.phase === 'attract')
  const shot = useKiosk((k) => k.shot)
  const sceneId = useKiosk((k) => k.attractScene)
  const entries = useSceneCatalog((c) => c.entries)
  const l = useLocalize()
  const t = useUiText()
  const [leaving, setLeaving] = useState(false)
  const [shown, setShown] = useState(attract)
  useEffect(() => {
    if (attract) {
      setShown(true)
      setLeaving(false)
      document.documentElement.classList.add('kiosk-attract')
      return
    }
    document.documentElement.classList.remove('kiosk-attract')
    setLeaving(true)
    const timer = setTimeout(() => setShown(false), FADE_OUT_MS)
    return () => clearTimeout(timer)
  }, [attract])
  useEffect(() => () => document.documentElement.classList.remove('kiosk-attract'), [])
  if (!shown) return null
  const entry = entries.find((e) => e.id === sceneId)
  const title = entry?.status === 'ok' ? l(entry.scene.title) : null
  const veiled = !sceneId || shot !== 'showing'
  return (
    // Not a control: any press anywhere, or any key, ends the loop (use-kiosk-mode.ts).
    <div className={`attract${leaving ? ' attract-leaving' : ''}`} aria-live="polite" data-testid="attract">
      <div className={`attract-veil${veiled ? ' attract-veiled' : ''}`}>
        <p className="attract-brand">{t('appName')}</p>
      </div>
      <div className="attract-shade" />
      {title && (
        <p className={`attract-scene${veiled ? ' attract-hidden' : ''}`}>
          <span>{l(s.showing)}</span> {title}
        </p>
      )}
      <div className="attract-call">
        <span className="attract-touch" aria-hidden="true" />
        <p className="attract-call-main">{l(s.call)}</p>
        <p className="attract-call-other">{l(s.callOther)}</p>
      </div>
    </div>
  )
}
