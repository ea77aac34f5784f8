// The in-XR settings panel, opened from the XR menu: turning, smooth walking, seated mode, recenter,
// volume, subtitle size, large text and language. Built from the platform UI kit, so every input works.
import { localize, setLang, useLang } from '../i18n/i18n'
import { recenterPlayer } from '../locomotion/player'
import { Button } from '../ui/Button'
import { List } from '../ui/List'
import { Panel } from '../ui/Panel'
import { Slider } from '../ui/Slider'
import { Toggle } from '../ui/Toggle'
import { theme } from '../ui/theme'
import { UiText } from '../ui/UiText'
import { NARRATION_RATES, type NarrationRate, type Settings, useSettings } from './settings-store'
import {
  type SettingsStringKey,
  SUBTITLE_SCALE_MAX,
  SUBTITLE_SCALE_MIN,
  settingsStrings,
} from './settings-strings'

const WIDTH = 0.66
const ROW = 0.082
const FONT = 0.032
/** The on/off settings, one row each from row 3 down; each is labelled by the string of its own name. */
const SWITCHES = [
  { setting: 'smoothLocomotion', name: 'settings:smooth' },
  { setting: 'seated', name: 'settings:seated' },
  { setting: 'largeText', name: 'settings:large-text' },
] as const satisfies readonly { setting: keyof Settings & SettingsStringKey; name: string }[]

export function SettingsPanel({ onClose }: { onClose: () => void }) {
  const lang = useLang()
  const t = (key: SettingsStringKey) => localize(settingsStrings[key], lang)
  const s = useSettings()
  const turnId = s.turn.mode === 'smooth' ? 'smooth' : `snap${s.turn.degrees}`
  const inner = WIDTH - 0.05
  // Rows top to bottom; y of row i.
  const rows = 13
  const height = rows * ROW + 0.04
  const y = (i: number) => height / 2 - 0.06 - i * ROW
  const subtitle01 = (s.subtitleScale - SUBTITLE_SCALE_MIN) / (SUBTITLE_SCALE_MAX - SUBTITLE_SCALE_MIN)
  return (
    <group name="settings-panel">
      {/* Opaque: a see-through panel is drawn in three's transparent pass, and in the classroom the join
          panel's buttons 0.7 m behind it showed through its lower half in a headset. */}
      <Panel width={WIDTH} height={height} color={theme.panelDark} opacity={1}>
        <UiText
          text={t('settings')}
          fontSize={0.045}
          color={theme.textOnDark}
          position={[-0.08, y(0), 0.004]}
        />
        <Button
          label={t('close')}
          width={0.16}
          height={0.064}
          fontSize={FONT}
          position={[WIDTH / 2 - 0.1, y(0), 0.01]}
          onPress={onClose}
          name="settings:close"
        />
        <UiText
          text={t('turn')}
          fontSize={FONT}
          color={theme.textOnDark}
          anchorX="left"
          position={[-inner / 2, y(1), 0.004]}
        />
        <List
          horizontal
          width={inner}
          rowHeight={0.064}
          fontSize={FONT * 0.9}
          position={[0, y(2), 0.01]}
          selectedId={turnId}
          onSelect={(id) =>
            s.update({
              turn:
                id === 'smooth'
                  ? { mode: 'smooth', degrees: s.turn.degrees }
                  : { mode: 'snap', degrees: id === 'snap45' ? 45 : 30 },
            })
          }
          items={[
            { id: 'snap30', label: t('snap30') },
            { id: 'snap45', label: t('snap45') },
            { id: 'smooth', label: t('smoothTurn') },
          ]}
          name="settings:turn"
        />
        {SWITCHES.map((row, i) => (
          <Toggle
            key={row.name}
            label={t(row.setting)}
            value={s[row.setting]}
            onChange={(v) => s.update({ [row.setting]: v })}
            width={inner}
            height={0.07}
            fontSize={FONT}
            position={[0, y(3 + i), 0.01]}
            name={row.name}
          />
        ))}
        <UiText
          text={`${t('volume')} ${Math.round(s.volume * 100)}%`}
          fontSize={FONT}
          color={theme.textOnDark}
          anchorX="left"
          position={[-inner / 2, y(6), 0.004]}
        />
        <Slider
          value={s.volume}
          onChange={(v) => s.update({ volume: Math.round(v * 20) / 20 })}
          width={inner - 0.1}
          position={[0, y(7), 0.01]}
          name="settings:volume"
        />
        <UiText
          text={`${t('subtitleSize')} ${s.subtitleScale.toFixed(2)}×`}
          fontSize={FONT}
          color={theme.textOnDark}
          anchorX="left"
          position={[-inner / 2, y(8), 0.004]}
        />
        <Slider
          value={subtitle01}
          onChange={(v) =>
            s.update({
              subtitleScale:
                Math.round((SUBTITLE_SCALE_MIN + v * (SUBTITLE_SCALE_MAX - SUBTITLE_SCALE_MIN)) * 20) / 20,
            })
          }
          width={inner - 0.1}
          position={[0, y(9), 0.01]}
          name="settings:subtitle"
        />
        <UiText
          text={t('narrationRate')}
          fontSize={FONT}
          color={theme.textOnDark}
          anchorX="left"
          position={[-inner / 2, y(10), 0.004]}
        />
        <List
          horizontal
          width={inner}
          rowHeight={0.064}
          fontSize={FONT * 0.9}
          position={[0, y(11), 0.01]}
          selectedId={String(s.narrationRate)}
          onSelect={(id) => s.update({ narrationRate: Number(id) as NarrationRate })}
          items={NARRATION_RATES.map((rate) => ({
            id: String(rate),
            label: t(rate < 1 ? 'rateSlow' : rate > 1 ? 'rateFast' : 'rateNormal'),
          }))}
          name="settings:narration-rate"
        />
        <List
          horizontal
          width={inner}
          rowHeight={0.064}
          fontSize={FONT * 0.9}
          position={[0, y(12), 0.01]}
          selectedId={lang}
          onSelect={(id) => {
            if (id === 'recenter') recenterPlayer()
            else setLang(id === 'en' ? 'en' : 'zh')
          }}
          items={[
            { id: 'recenter', label: t('recenter') },
            { id: 'zh', label: '中文' },
            { id: 'en', label: 'English' },
          ]}
          name="settings:row"
        />
      </Panel>
    </group>
  )
}
