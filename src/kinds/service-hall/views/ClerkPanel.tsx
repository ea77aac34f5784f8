// The digital-human clerk at a window: suggested questions, typed questions (desktop keyboard or the
// in-VR keyboard) and spoken ones where the browser can listen. Answers come only from the catalogue
// (clerk-answers.ts) and are spoken through the platform narration service.
import { useEffect, useMemo, useState } from 'react'
import { narrate, stopNarration } from '../../../platform/audio'
import { useLang, useLocalize } from '../../../platform/i18n'
import { useLargeText } from '../../../platform/settings'
import {
  Button,
  Interactive,
  LARGE_TEXT_SCALE,
  Panel,
  textPages,
  theme,
  UiText,
  VirtualKeyboard,
  wrapCjk,
} from '../../../platform/ui'
import type { ServiceHallContent } from '../../../schema/kinds/service-hall'
import { clerkTitle } from '../logic/clerk-title'
import { CLERK_DEPTH, placeLocal } from '../logic/hall-placement'
import { windowGreeting } from '../logic/spoken-lines'
import { askClerk, closeClerk, setDraft, useHall } from '../service-hall-store'
import { strings } from '../service-hall-strings'
import { useDesktopTyping } from './desktop-typing'
import { listenOnce, offlineRecognitionAvailable } from './speech-input'

// Narrow enough to stand between the clerk (straight ahead) and the edge of a headset's comfortable
// view, about 26° at a metre; its text is sized for that metre (0.026 m reads at 1.07°).
const W = 0.45
const TEXT_W = W - 0.06
const ROW = 0.08
/** Lines of the reply on one page: a long English answer runs to ten, which the view has no room for. */
const REPLY_LINES = 5
const BAR = 0.085

export function ClerkPanel({ content }: { content: ServiceHallContent }) {
  const windowId = useHall((s) => s.clerkWindowId)
  const window = content.layout.windows.find((w) => w.id === windowId)
  if (!window) return null
  return <ClerkWindowPanel key={window.id} content={content} windowId={window.id} />
}

function ClerkWindowPanel({ content, windowId }: { content: ServiceHallContent; windowId: string }) {
  const l = useLocalize()
  const lang = useLang()
  const window = content.layout.windows.find((w) => w.id === windowId)!
  const matterId = useHall((s) => s.clerkMatterId)
  const reply = useHall((s) => s.clerkReply)
  const draft = useHall((s) => s.draft)
  const clerk = useHall((s) => s.clerk)
  const elderly = useHall((s) => s.elderly)
  const [keyboard, setKeyboard] = useState(false)
  const [listening, setListening] = useState(false)
  const [canListen, setCanListen] = useState(false)
  // A new reply opens on its first page.
  const [paged, setPaged] = useState({ reply, page: 0 })
  const page = paged.reply === reply ? paged.page : 0
  useEffect(() => {
    let open = true
    void offlineRecognitionAvailable(lang).then((yes) => open && setCanListen(yes))
    return () => {
      open = false
    }
  }, [lang])
  const matter = content.matters.find((m) => m.id === matterId)
  const suggestions = (matterId && clerk ? clerk.suggestedQuestions(matterId) : []).slice(0, elderly ? 2 : 3)
  // The voice comes from the standing clerk's mouth. Its words are on this panel already (the window and
  // "how can I help you?" as it greets, then the reply), so no subtitle repeats them: on a desktop one
  // ran under the panel's lower half.
  const head = useMemo(() => placeLocal(window.position, window.rotationY, [0, 1.5, CLERK_DEPTH]), [window])

  const ask = (question: string) => {
    if (!question.trim()) return
    const answer = askClerk(question)
    if (answer) void narrate({ text: answer.text, position: head, rate: elderly ? 0.75 : 1, subtitle: false })
  }
  const typing = useDesktopTyping(true, draft, setDraft, () => ask(useHall.getState().draft))
  // The greeting plays once per window visit (this component is keyed by the window).
  useEffect(() => {
    void narrate({
      text: windowGreeting(window),
      position: head,
      rate: useHall.getState().elderly ? 0.75 : 1,
      subtitle: false,
    })
    return () => stopNarration()
  }, [window, head])

  const speak = () => {
    setListening(true)
    const { result } = listenOnce(lang)
    void result.then((heard) => {
      setListening(false)
      if (heard) ask(heard)
    })
  }

  // Right of the clerk from where the visitor stands (1.7 m out), a metre away and turned to face them;
  // its top bar and foot stay between the comfort field's top and the subtitle below.
  const position = placeLocal(window.position, window.rotationY, [0.29, 1.51, 0.75])
  const facing = (window.rotationY * Math.PI) / 180 - 0.297
  const answerText = reply ? l(reply.text) : l(strings.askClerk)
  // The panel grows with the reply up to a page, so the reply never runs past it or under the
  // suggestions; a longer reply turns pages, pre-wrapped here so the line count is known.
  // Large text is the visitor's setting or the hall's elderly mode (UiText enlarges by either).
  const largeText = useLargeText()
  const scale = largeText ? LARGE_TEXT_SCALE : 1
  const answerSize = elderly ? 0.03 : 0.026
  const titleSize = 0.028
  /** Ems in a line of text at `size`, pre-wrapped a little inside the panel (troika must not re-wrap it). */
  const emAt = (size: number) => (TEXT_W * 0.85) / (size * scale)
  const title = clerkTitle(
    {
      window: lang === 'zh' ? `${window.number}号窗口` : `Window ${window.number}`,
      area: l(window.area),
      matter: matter ? l(matter.name) : undefined,
    },
    (text) => wrapCjk(text, emAt(titleSize)),
  )
  const titleLines = title.split('\n').length
  // A page ends after a sentence or list item where one fits, so none turns in the middle of a word.
  const replyPages = textPages(answerText, emAt(answerSize), elderly ? REPLY_LINES - 1 : REPLY_LINES)
  const pages = replyPages.length
  const at = Math.min(page, pages - 1)
  const shown = replyPages[at].split('\n')
  const titleH = titleLines * titleSize * scale * 1.2
  const answerH = shown.length * answerSize * scale * 1.2
  const pagerH = pages > 1 ? ROW : 0
  const H = 0.04 + titleH + 0.03 + answerH + 0.03 + pagerH + suggestions.length * ROW + ROW + 0.02
  const fieldY = -H / 2 + 0.05
  return (
    <group position={position} rotation-y={facing} name="sh:clerk">
      <Panel width={W} height={H}>
        <UiText
          text={title}
          fontSize={titleSize}
          color={theme.primary}
          maxWidth={TEXT_W}
          anchorY="top"
          position={[0, H / 2 - 0.04, 0]}
        />
        <UiText
          text={shown.join('\n')}
          fontSize={answerSize}
          maxWidth={TEXT_W}
          anchorX="left"
          anchorY="top"
          textAlign="left"
          position={[-TEXT_W / 2, H / 2 - 0.07 - titleH, 0]}
          color={reply?.kind === 'fallback' ? '#9b1c1c' : theme.text}
          name="sh:clerk-answer"
        />
        {pages > 1 && (
          <Button
            label={`${l(strings.nextPage)} ${at + 1}/${pages}`}
            width={0.22}
            height={0.065}
            fontSize={0.026}
            position={[W / 2 - 0.14, fieldY + (suggestions.length + 1) * ROW, 0.01]}
            onPress={() => setPaged({ reply, page: (at + 1) % pages })}
            name="sh:clerk-page"
          />
        )}
        {suggestions.map((q, i) => (
          <Button
            key={i}
            label={l(q)}
            width={TEXT_W}
            height={0.074}
            fontSize={0.026}
            position={[0, fieldY + (suggestions.length - i) * ROW, 0.01]}
            onPress={() => ask(l(q))}
            name={`sh:suggest:${i}`}
          />
        ))}
        <Interactive
          label="question"
          onPress={() => typing.focus()}
          name="sh:clerk-field"
          position={[-0.075, fieldY, 0.005]}
          hoverScale={1.01}
        >
          <mesh>
            <planeGeometry args={[0.25, 0.065]} />
            <meshBasicMaterial color="#ffffff" toneMapped={false} />
          </mesh>
          <UiText
            text={listening ? l(strings.listening) : draft || l(strings.typeQuestion)}
            fontSize={0.026}
            color={draft ? theme.text : '#888'}
            maxWidth={0.23}
            position={[0, 0, 0.003]}
          />
        </Interactive>
        <Button
          label={l(strings.send)}
          width={0.13}
          height={0.065}
          fontSize={0.028}
          variant="primary"
          position={[W / 2 - 0.095, fieldY, 0.01]}
          onPress={() => ask(useHall.getState().draft)}
          name="sh:clerk-send"
        />
        {/* The bar above the panel: close, the in-VR keyboard and listening. */}
        <Button
          label={l(strings.close)}
          width={0.13}
          height={0.065}
          fontSize={0.028}
          variant="danger"
          position={[-W / 2 + 0.065, H / 2 + BAR / 2, 0.01]}
          onPress={closeClerk}
          name="sh:clerk-close"
        />
        <Button
          label={l(strings.keyboard)}
          width={0.15}
          height={0.065}
          fontSize={0.028}
          position={[-W / 2 + 0.215, H / 2 + BAR / 2, 0.01]}
          selected={keyboard}
          onPress={() => setKeyboard(!keyboard)}
          name="sh:clerk-keyboard"
        />
        {canListen && (
          <Button
            label={l(strings.speak)}
            width={0.15}
            height={0.065}
            fontSize={0.028}
            position={[W / 2 - 0.075, H / 2 + BAR / 2, 0.01]}
            selected={listening}
            onPress={speak}
            name="sh:clerk-speak"
          />
        )}
      </Panel>
      {keyboard && (
        <VirtualKeyboard
          value={draft}
          onChange={setDraft}
          onSubmit={ask}
          width={0.8}
          position={[0, -H / 2 - 0.2, 0.12]}
          rotation={[-0.6, 0, 0]}
          name="sh:clerk-keyboard-keys"
        />
      )}
    </group>
  )
}
