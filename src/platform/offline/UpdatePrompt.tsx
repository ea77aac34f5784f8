// "新版本已就绪 · 更新": shown when staff deployed a new version, until someone accepts it.
import { useUiText } from '../i18n/i18n'
import { useAppUpdate } from './offline'

export function UpdatePrompt() {
  const ready = useAppUpdate((s) => s.ready)
  const apply = useAppUpdate((s) => s.apply)
  const t = useUiText()
  if (!ready) return null
  return (
    <div className="update-prompt" role="status">
      <span>{t('updateReady')}</span>
      <button type="button" className="btn btn-primary" onClick={apply}>
        {t('updateNow')}
      </button>
    </div>
  )
}
