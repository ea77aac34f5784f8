// What sits over an open scene on desktop and touch: back, language, VR entry and a hint; or, for
// a missing or broken scene, a full error page with a way back. Never a blank canvas.

import { useEffect } from 'react'
import { A11yObjectList } from '../platform/a11y/A11yObjectList'
import { trackError } from '../platform/analytics'
import { setLang, useLang, useLocalize, useUiText } from '../platform/i18n/i18n'
import { findEntry, useSceneCatalog } from '../platform/scenes/scene-catalog'
import { SettingsButton } from '../platform/settings/SettingsDialog'
import { useRoute } from '../platform/url/route-store'
import { kindsWithAR } from './kind-registry'
import { XREntry } from './XREntry'

export function SceneOverlay({ sceneId }: { sceneId: string }) {
  const { status, entries } = useSceneCatalog()
  const navigate = useRoute((s) => s.navigate)
  const t = useUiText()
  const lang = useLang()
  const localize = useLocalize()
  const entry = findEntry(entries, sceneId)
  const failure =
    status !== 'ready' || entry?.status === 'ok'
      ? null
      : !entry
        ? 'scene-not-found'
        : entry.status === 'invalid'
          ? 'scene-broken'
          : 'scene-unreachable'
  useEffect(() => {
    if (failure) trackError(failure, sceneId)
  }, [failure, sceneId])
  const back = (
    <button type="button" className="btn" onClick={() => navigate({ scene: undefined })}>
      ← {t('backToLobby')}
    </button>
  )
  if (status === 'ready' && entry?.status !== 'ok') {
    const problems = entry?.status === 'invalid' ? entry.problems : []
    const title = !entry
      ? t('sceneNotFound')
      : entry.status === 'invalid'
        ? t('sceneBroken')
        : t('loadFailed')
    return (
      <main className="page error-page" role="alert" aria-labelledby="error-title">
        <h1 id="error-title">{title}</h1>
        {!entry && <p>{t('sceneNotFoundDetail', { id: sceneId })}</p>}
        {entry?.status === 'unreachable' && <p>{entry.message}</p>}
        {problems.length > 0 && (
          <>
            <p>{t('sceneBrokenDetail')}</p>
            <ul className="problems">
              {problems.map((p, i) => (
                <li key={i}>
                  <code>scenes/{sceneId}/scene.json</code> <code>{p.path || '(file)'}</code>: {p.message}
                </li>
              ))}
            </ul>
          </>
        )}
        {back}
      </main>
    )
  }
  const touch = typeof window !== 'undefined' && window.matchMedia('(pointer: coarse)').matches
  return (
    <div
      className="scene-bar"
      role="toolbar"
      aria-label={entry?.status === 'ok' ? localize(entry.scene.title) : sceneId}
    >
      {back}
      <span className="scene-title">
        {entry?.status === 'ok' ? localize(entry.scene.title) : t('loading')}
      </span>
      <XREntry offersAR={entry?.status === 'ok' && kindsWithAR.has(entry.scene.kind)} />
      <SettingsButton />
      <A11yObjectList />
      <button type="button" className="btn" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
        {t('switchLanguage')}
      </button>
      <span className="hint">{touch ? t('touchHelp') : t('desktopHelp')}</span>
    </div>
  )
}
