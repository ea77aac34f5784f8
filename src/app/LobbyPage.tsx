// The start page on desktop and touch: a card per scene. Broken scenes show their errors on the
// card, so an author sees what to fix while every other scene keeps working.

import { A11yObjectList } from '../platform/a11y/A11yObjectList'
import { setLang, useLang, useLocalize, useUiText } from '../platform/i18n/i18n'
import { type SceneEntry, useSceneCatalog } from '../platform/scenes/scene-catalog'
import { SettingsButton } from '../platform/settings/SettingsDialog'
import { useRoute } from '../platform/url/route-store'
import { XREntry } from './XREntry'

export function LobbyPage() {
  const { status, entries, error, load } = useSceneCatalog()
  const t = useUiText()
  const lang = useLang()
  return (
    <main className="page lobby" aria-labelledby="lobby-title">
      <header className="topbar">
        <h1 id="lobby-title">{t('appName')}</h1>
        <div className="actions">
          <XREntry />
          <SettingsButton />
          <A11yObjectList />
          <button
            type="button"
            className="btn"
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
            lang={lang === 'zh' ? 'en' : 'zh'}
          >
            {t('switchLanguage')}
          </button>
        </div>
      </header>
      <p className="intro">{t('lobbyIntro')}</p>
      {status === 'loading' || status === 'idle' ? <p role="status">{t('loading')}</p> : null}
      {status === 'failed' && (
        <div className="error-box" role="alert">
          <p>
            {t('loadFailed')}: {error}
          </p>
          <button type="button" className="btn" onClick={() => void load()}>
            {t('retry')}
          </button>
        </div>
      )}
      <ul className="cards">
        {entries.map((entry) => (
          <li key={entry.id}>
            <SceneCard entry={entry} />
          </li>
        ))}
      </ul>
    </main>
  )
}

function SceneCard({ entry }: { entry: SceneEntry }) {
  const navigate = useRoute((s) => s.navigate)
  const localize = useLocalize()
  const t = useUiText()
  if (entry.status !== 'ok') {
    const problems = entry.status === 'invalid' ? entry.problems : [{ path: '', message: entry.message }]
    return (
      <article
        className="card card-broken"
        data-scene={entry.id}
        aria-label={`${entry.id}: ${t('sceneBroken')}`}
      >
        <h2>{entry.id}</h2>
        <p className="card-error-title">{t('sceneBroken')}</p>
        <ul className="problems">
          {problems.map((p, i) => (
            <li key={i}>
              <code>scenes/{entry.id}/scene.json</code> <code>{p.path || '(file)'}</code>: {p.message}
            </li>
          ))}
        </ul>
      </article>
    )
  }
  const title = localize(entry.scene.title)
  return (
    <article className="card" data-scene={entry.id}>
      <button
        type="button"
        className="card-open"
        onClick={() => navigate({ scene: entry.id })}
        aria-label={`${t('open')}: ${title}`}
      >
        <img src={entry.scene.thumbnail} alt="" width={640} height={360} />
        <h2>{title}</h2>
        <p>{localize(entry.scene.summary)}</p>
      </button>
    </article>
  )
}
