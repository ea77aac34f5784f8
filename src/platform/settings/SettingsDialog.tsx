// Settings on desktop and touch: a "设置 / Settings" button opening a native modal dialog (focus is
// trapped, Esc closes it, every control is a labelled form element reachable with Tab).
import { useId, useRef } from 'react'
import { LargeTextMode } from '../a11y/LargeTextMode'
import { localize, setLang, useLang } from '../i18n/i18n'
import { recenterPlayer } from '../locomotion/player'
import { NARRATION_RATES, type NarrationRate, useSettings } from './settings-store'
import {
  type SettingsStringKey,
  SUBTITLE_SCALE_MAX,
  SUBTITLE_SCALE_MIN,
  settingsStrings,
} from './settings-strings'
import '../a11y/a11y.css'

export function SettingsButton() {
  const dialog = useRef<HTMLDialogElement>(null)
  const lang = useLang()
  const t = (key: SettingsStringKey) => localize(settingsStrings[key], lang)
  return (
    <>
      <LargeTextMode />
      <button
        type="button"
        className="btn"
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
        data-testid="settings-open"
      >
        {t('settings')}
      </button>
      <dialog ref={dialog} className="settings-dialog" aria-labelledby="settings-title">
        <SettingsForm onClose={() => dialog.current?.close()} />
      </dialog>
    </>
  )
}

function SettingsForm({ onClose }: { onClose: () => void }) {
  const lang = useLang()
  const t = (key: SettingsStringKey) => localize(settingsStrings[key], lang)
  const s = useSettings()
  const ids = useId()
  const turnValue = s.turn.mode === 'smooth' ? 'smooth' : `snap${s.turn.degrees}`
  return (
    <form method="dialog" onSubmit={onClose}>
      <h2 id="settings-title">{t('settings')}</h2>
      <fieldset>
        <legend>{t('turn')}</legend>
        {(['snap30', 'snap45', 'smooth'] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name={`${ids}-turn`}
              value={value}
              checked={turnValue === value}
              onChange={() =>
                s.update({
                  turn:
                    value === 'smooth'
                      ? { mode: 'smooth', degrees: s.turn.degrees }
                      : { mode: 'snap', degrees: value === 'snap45' ? 45 : 30 },
                })
              }
            />
            {t(value === 'smooth' ? 'smoothTurn' : value)}
          </label>
        ))}
      </fieldset>
      <label>
        <input
          type="checkbox"
          checked={s.smoothLocomotion}
          onChange={(e) => s.update({ smoothLocomotion: e.target.checked })}
        />
        {t('smoothLocomotion')}
      </label>
      <label>
        <input type="checkbox" checked={s.seated} onChange={(e) => s.update({ seated: e.target.checked })} />
        {t('seated')}
      </label>
      <label>
        <input
          type="checkbox"
          checked={s.largeText}
          onChange={(e) => s.update({ largeText: e.target.checked })}
        />
        {t('largeText')}
      </label>
      <label>
        {t('volume')}
        <input
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={s.volume}
          onChange={(e) => s.update({ volume: Number(e.target.value) })}
        />
        <output>{Math.round(s.volume * 100)}%</output>
      </label>
      <label>
        {t('subtitleSize')}
        <input
          type="range"
          min={SUBTITLE_SCALE_MIN}
          max={SUBTITLE_SCALE_MAX}
          step={0.05}
          value={s.subtitleScale}
          onChange={(e) => s.update({ subtitleScale: Number(e.target.value) })}
        />
        <output>{s.subtitleScale.toFixed(2)}×</output>
      </label>
      <label>
        {t('narrationRate')}
        <select
          value={s.narrationRate}
          onChange={(e) => s.update({ narrationRate: Number(e.target.value) as NarrationRate })}
        >
          {NARRATION_RATES.map((rate) => (
            <option key={rate} value={rate}>
              {t(rate < 1 ? 'rateSlow' : rate > 1 ? 'rateFast' : 'rateNormal')}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('language')}
        <select value={lang} onChange={(e) => setLang(e.target.value === 'en' ? 'en' : 'zh')}>
          <option value="zh">中文</option>
          <option value="en">English</option>
        </select>
      </label>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={() => recenterPlayer()}>
          {t('recenter')}
        </button>
        <button type="button" className="btn" onClick={() => s.reset()}>
          {t('reset')}
        </button>
        <button type="submit" className="btn btn-primary">
          {t('close')}
        </button>
      </div>
    </form>
  )
}
