// The plan at the guidance desk: the matters in order with their windows, time and fee; one merged
// checklist to tick; the way to the ticket machine; and the take-away QR code with the checklist text.
import { useMemo } from 'react'
import { fillPlaceholders, useLang, useLocalize } from '../../../platform/i18n'
import { usePlayer } from '../../../platform/locomotion'
import { Button, Interactive, QrCode, theme, UiText } from '../../../platform/ui'
import type { ServiceHallContent } from '../../../schema/kinds/service-hall'
import { checklistText, mergeChecklist } from '../logic/checklist-merge'
import { resetNavigation, routeTo, setShowQr, tick, useHall } from '../service-hall-store'
import { strings } from '../service-hall-strings'
import { H, W } from './navigator-size'

export function PlanView({ content }: { content: ServiceHallContent }) {
  const l = useLocalize()
  const lang = useLang()
  const plan = useHall((s) => s.plan)
  const ticked = useHall((s) => s.ticked)
  const showQr = useHall((s) => s.showQr)
  const ticket = useHall((s) => s.ticket)
  const elderly = useHall((s) => s.elderly)
  const checklist = useMemo(() => mergeChecklist(content, plan), [content, plan])
  const windowNumbers = useMemo(() => new Map(content.layout.windows.map((w) => [w.id, w.number])), [content])
  const small = elderly ? 0.036 : 0.034
  const rowStep = elderly ? 0.052 : 0.047
  const matterLines = checklist.matters.map((m, i) => {
    const numbers = m.windows.map((id) => windowNumbers.get(id)).join('/')
    const days =
      m.timeLimit.promisedDays === 0
        ? l(strings.onTheSpot)
        : fillPlaceholders(l(strings.days), { n: m.timeLimit.promisedDays })
    return lang === 'zh'
      ? `${i + 1}. ${m.name.zh}\n    → ${numbers}号窗口 · ${days} · ${m.fee.zh}`
      : `${i + 1}. ${l(m.name)}\n    → window ${numbers} · ${days} · ${l(m.fee)}`
  })
  return (
    <group name="sh:plan">
      <UiText
        text={l(strings.mattersTitle)}
        fontSize={0.038}
        color={theme.primary}
        position={[-W / 4, 0.265, 0]}
      />
      <UiText
        text={matterLines.join('\n')}
        fontSize={small}
        lineHeight={1.3}
        maxWidth={W / 2 - 0.08}
        anchorX="left"
        anchorY="top"
        textAlign="left"
        position={[-W / 2 + 0.05, 0.215, 0]}
        name="sh:matters"
      />
      <UiText
        text={l(strings.checklistTitle)}
        fontSize={0.038}
        color={theme.primary}
        // Below the header row: the elderly-mode button sits at the panel's top right and covered it.
        position={[W / 4, 0.265, 0]}
      />
      {checklist.items.map((item, i) => {
        const done = ticked.has(item.materialId)
        const label = `${done ? '√' : '□'} ${l(item.name)}${item.producedBy ? `（${l(strings.issuedOnTheWay)}）` : ''}`
        return (
          <Interactive
            key={item.materialId}
            label={label}
            onPress={() => tick(item.materialId)}
            name={`sh:check:${item.materialId}`}
            position={[0.03, 0.195 - i * rowStep, 0.005]}
            hoverScale={1.02}
          >
            {/* Labels do not catch rays, so each row has a faint backing to press. */}
            <mesh position={[W / 4 - 0.04, 0, -0.002]}>
              <planeGeometry args={[W / 2 - 0.06, rowStep * 0.9]} />
              <meshBasicMaterial color={done ? '#e3f1e4' : '#ebe6dc'} toneMapped={false} />
            </mesh>
            <UiText
              text={label}
              fontSize={small}
              anchorX="left"
              maxWidth={W / 2 - 0.06}
              color={done ? '#2e7d32' : theme.text}
            />
          </Interactive>
        )
      })}
      <Button
        label={l(strings.takeTicketHere)}
        width={0.46}
        position={[-0.48, -H / 2 + 0.08, 0.01]}
        variant="primary"
        onPress={() => {
          const p = usePlayer.getState().position
          routeTo({ kind: 'machine' }, [p[0], p[2]])
        }}
        name="sh:go-machine"
      />
      <Button
        label={l(showQr ? strings.hideQr : strings.showQr)}
        width={0.42}
        position={[0.02, -H / 2 + 0.08, 0.01]}
        onPress={() => setShowQr(!showQr)}
        selected={showQr}
        name="sh:qr"
      />
      <Button
        label={l(strings.restart)}
        width={0.26}
        position={[0.58, -H / 2 + 0.08, 0.01]}
        onPress={resetNavigation}
        name="sh:restart"
      />
      {showQr && (
        <ChecklistQr
          text={checklistText(checklist, lang, {
            title: content.hallName,
            windows: windowNumbers,
            ticket: ticket?.number,
            ticked,
          })}
        />
      )}
    </group>
  )
}

function ChecklistQr({ text }: { text: string }) {
  const l = useLocalize()
  return (
    <group position={[W / 2 + 0.3, 0.05, 0.05]} rotation-y={-0.35}>
      <QrCode text={text} size={0.48} name="sh:qr-code" />
      <UiText text={l(strings.showQr)} fontSize={0.03} position={[0, -0.29, 0]} />
    </group>
  )
}
