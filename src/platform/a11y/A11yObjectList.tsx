// The DOM mirror of the 3D controls: a visually hidden list of real buttons (it appears when focused),
// so Tab / Enter / Space and screen readers reach every 3D button, card and toggle in the scene.
import { useLang } from '../i18n/i18n'
import { settingsStrings } from '../settings/settings-strings'
import { useA11yRegistry } from './a11y-registry'
import './a11y.css'

export function A11yObjectList() {
  const targets = useA11yRegistry((s) => s.targets)
  const lang = useLang()
  const title = lang === 'en' ? settingsStrings.a11yObjects.en : settingsStrings.a11yObjects.zh
  return (
    <nav className="a11y-objects" aria-label={title}>
      <ul>
        {targets.map((t) => (
          <li key={t.id}>
            <button type="button" disabled={t.disabled} onClick={() => t.press()} data-a11y-target={t.label}>
              {t.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
