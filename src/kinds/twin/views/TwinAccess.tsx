// The twin's access UI, in one place so the other panels stay as they are: the operator code prompt (the
// platform's 3D keyboard, digits shown as dots) and the notices line under the status bar: operator
// mode with its exit, a `?mqtt=` broker the server refused, and "history not saved" while the server's
// disk refuses writes.
import { localize, useLang } from '../../../platform/i18n'
import { FIELD_LAYOUT, LiveText, Panel, UiText, VirtualKeyboard } from '../../../platform/ui'
import { HUD_TEXT } from '../logic/hud-plan'
import {
  cancelOperatorPrompt,
  type OperatorPromptStatus,
  setOperatorDraft,
  submitOperatorCode,
  useTwinAccess,
} from '../twin-access'
import { twinAccessStrings as S } from '../twin-access-strings'
import { fill } from '../twin-strings'
import { useTwinRuntime } from './twin-context'

const STATUS_TEXT: Record<OperatorPromptStatus, keyof typeof S> = {
  typing: 'operatorWhy',
  checking: 'operatorChecking',
  refused: 'operatorRefused',
  locked: 'operatorLocked',
  unavailable: 'operatorUnavailable',
}

export function OperatorPrompt() {
  const runtime = useTwinRuntime()
  const lang = useLang()
  const prompt = useTwinAccess((s) => s.prompt)
  if (!prompt) return null
  const problem = prompt.status !== 'typing' && prompt.status !== 'checking'
  return (
    <Panel width={0.9} height={0.78} name="twin-operator">
      <UiText text={localize(S.operatorTitle, lang)} fontSize={0.045} position={[0, 0.33, 0.01]} />
      <UiText
        name="twin-operator:status"
        text={localize(S[STATUS_TEXT[prompt.status]], lang)}
        fontSize={0.03}
        color={problem ? '#b3261e' : '#4b5563'}
        maxWidth={0.84}
        position={[0, 0.26, 0.01]}
      />
      <UiText
        name="twin-operator:code"
        text={`${'•'.repeat(prompt.draft.length)}_`}
        fontSize={0.05}
        position={[0, 0.18, 0.01]}
      />
      <VirtualKeyboard
        value={prompt.draft}
        onChange={setOperatorDraft}
        onSubmit={(typed) => void submitOperatorCode(runtime, typed)}
        onCancel={cancelOperatorPrompt}
        maxLength={32}
        layout={FIELD_LAYOUT}
        announceKeys
        width={0.84}
        position={[0, -0.1, 0.01]}
        name="twin-operator-keyboard"
      />
    </Panel>
  )
}

/**
 * One line per notice, stacked upwards from the group's origin (placed above the status bar, where a
 * laptop screen still shows it); nothing when there is nothing to say. Operator mode's key is in the
 * status bar's row.
 */
export function TwinNotices() {
  const runtime = useTwinRuntime()
  const lang = useLang()
  const refused = useTwinAccess((s) => s.refusedBroker)
  return (
    <group name="twin-notices">
      {refused && (
        <UiText
          name="twin-notice:broker-refused"
          text={fill(localize(S.brokerRefused, lang), { url: refused.slice(0, 80) })}
          fontSize={HUD_TEXT.body}
          color="#ffd166"
          maxWidth={1.25}
          anchorY="bottom"
          position={[0, 0.04, 0]}
        />
      )}
      <LiveText
        name="twin-notice:history"
        get={() => {
          const s = runtime.serverStatus
          return s && !s.historySaved ? fill(localize(S.historyNotSaved, lang), { n: s.unsaved }) : ''
        }}
        version={() => runtime.revision}
        fontSize={HUD_TEXT.body}
        color="#ffb4a8"
        maxWidth={1.25}
        position={[0, 0, 0]}
      />
    </group>
  )
}
