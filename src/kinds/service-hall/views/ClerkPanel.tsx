// The digital-human clerk at a window: suggested questions, typed questions (desktop keyboard or the
// in-VR keyboard) and spoken ones where the browser can listen. Answers come only from the catalogue
// (clerk-answers.ts) and are spoken through the platform narration service.
import { useEffect, useMemo, useState } from 'react'
import { narrate, stopNarration } from '../../../platform/audio'
import { useLang, useLocalize } from '../../../platform/i18n'
import { useSettings } from '../../../platform/settings'
import { Button, Interactive, Panel, theme, UiText, VirtualKeyboard } from '../../../platform/ui'
import type { ServiceHallContent } from '../../../schema/kinds/service-hall'
import { CLERK_DEPTH, placeLocal } from '../logic/hall-placement'
import { windowGreeting } from '../logic/spoken-lines'
import { askClerk, closeClerk, setDraft, useHall } from '../service-hall-store'
import { strings } from '../service-hall-strings'
import { useDesktopTyping } from './desktop-typing'
import { listenOnce, offlineRecognitionAvailable } from './speech-input'

const W = 0.95
const TEXT_W = W - 0.08
const ROW = 0.075
const FIELD_Y_FROM_BOTTOM = 0.06

/** Lines a reply takes at this size and width (CJK one em per character, Latin about half). */
export function replyLines(text: string, fontSize: number, width = TEXT_W): number {
  const perLine = width / fontSize
  return text.split('\n').reduce((n, para) => {
    const cjk = /[\u3400-\u9fff]/.test(para)
    const units = cjk ? [...para].length : para.length * 0.55
    return n + Math.max(1, Math.ceil((units * 1.08) / perLine))
  }, 0)
}

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
  useEffect(() => {
    let open = true
    void offlineRecognitionAvailable(lang).then((yes) => open && setCanListen(yes))
    return () => {
      open = false
    }
  }, [lang])
  const matter = content.matters.find((m) => m.id === matterId)
  const suggestions = (matterId && clerk ? clerk.suggestedQuestions(matterId) : []).slice(0, elderly ? 3 : 5)
  // The voice comes from the standing clerk's mouth.
  const head = useMemo(() => placeLocal(window.position, window.rotationY, [0, 1.5, CLERK_DEPTH]), [window])

  const ask = (question: string) => {
    if (!question.trim()) return
    const answer = askClerk(question)
    if (answer) void narrate({ text: answer.text, position: head, rate: elderly ? 0.75 : 1 })
  }
  const typing = useDesktopTyping(true, draft, setDraft, () => ask(useHall.getState().draft))
  // The greeting plays once per window visit (this component is keyed by the window).
  useEffect(() => {
    void narrate({
      text: windowGreeting(window),
      position: head,
      rate: useHall.getState().elderly ? 0.75 : 1,
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

  // At eye height: low in view it ran into the subtitle's slot.
  const position = placeLocal(window.position, window.rotationY, [0.5, 1.55, 0.55])
  const facing = (window.rotationY * Math.PI) / 180 - 0.41
  const answerText = reply ? l(reply.text) : l(strings.askClerk)
  // The panel grows with the reply, so the reply never runs past it or under the suggestions, and the
  // suggestions stack upwards from the question field instead of reaching down into it.
  const largeText = useSettings((s) => s.largeText)
  const answerSize = elderly ? 0.038 : 0.034
  const drawnSize = answerSize * (largeText ? 1.25 : 1)
  const answerH = replyLines(answerText, drawnSize) * drawnSize * 1.2
  const H = 0.2 + answerH + 0.04 + suggestions.length * ROW + 0.12
  const fieldY = -H / 2 + FIELD_Y_FROM_BOTTOM
  return (
    <group position={position} rotation-y={facing} name="sh:clerk">
      <Panel width={W} height={H}>
        <UiText
          text={`${lang === 'zh' ? `${window.number}号窗口` : `Window ${window.number}`} · ${l(window.area)}${matter ? `\n${l(matter.name)}` : ''}`}
          fontSize={0.036}
          color={theme.primary}
          maxWidth={W - 0.1}
          position={[0, H / 2 - 0.08, 0]}
        />
        <UiText
          text={answerText}
          fontSize={answerSize}
          maxWidth={TEXT_W}
          anchorY="top"
          position={[0, H / 2 - 0.16, 0]}
          color={reply?.kind === 'fallback' ? '#9b1c1c' : theme.text}
          name="sh:clerk-answer"
        />
        {suggestions.map((q, i) => (
          <Button
            key={i}
            label={l(q)}
            width={W - 0.1}
            height={0.065}
            fontSize={0.031}
            position={[0, fieldY + 0.09 + (suggestions.length - 1 - i) * ROW, 0.01]}
            onPress={() => ask(l(q))}
            name={`sh:suggest:${i}`}
          />
        ))}
        <Interactive
          label="question"
          onPress={() => typing.focus()}
          name="sh:clerk-field"
          position={[-0.17, fieldY, 0.005]}
          hoverScale={1.01}
        >
          <mesh>
            <planeGeometry args={[0.55, 0.07]} />
            <meshBasicMaterial color="#ffffff" toneMapped={false} />
          </mesh>
          <UiText
            text={listening ? l(strings.listening) : draft || l(strings.typeQuestion)}
            fontSize={0.031}
            color={draft ? theme.text : '#888'}
            maxWidth={0.52}
            position={[0, 0, 0.003]}
          />
        </Interactive>
        <Button
          label={l(strings.send)}
          width={0.14}
          height={0.07}
          fontSize={0.031}
          variant="primary"
          position={[0.19, fieldY, 0.01]}
          onPress={() => ask(useHall.getState().draft)}
          name="sh:clerk-send"
        />
        <Button
          label={l(strings.keyboard)}
          width={0.14}
          height={0.07}
          fontSize={0.031}
          position={[0.35, fieldY, 0.01]}
          selected={keyboard}
          onPress={() => setKeyboard(!keyboard)}
          name="sh:clerk-keyboard"
        />
        {canListen && (
          <Button
            label={l(strings.speak)}
            width={0.2}
            height={0.065}
            fontSize={0.031}
            position={[W / 2 - 0.12, H / 2 + 0.05, 0.01]}
            selected={listening}
            onPress={speak}
            name="sh:clerk-speak"
          />
        )}
        <Button
          label={l(strings.close)}
          width={0.16}
          height={0.065}
          fontSize={0.031}
          variant="danger"
          position={[-W / 2 + 0.1, H / 2 + 0.05, 0.01]}
          onPress={closeClerk}
          name="sh:clerk-close"
        />
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
