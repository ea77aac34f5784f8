// The plan at the guidance desk, in two tabs on a narrow panel: the merged checklist to tick (first, as
// it is what the visitor acts on) and the matters in order with their windows, time and fee, each paged
// when it runs longer than the panel; the way to the ticket machine; and the take-away QR code.
import { useMemo } from 'react'
import { useInAR } from '../../../platform/ar'
import { fillPlaceholders, useLang, useLocalize } from '../../../platform/i18n'
import { usePlayer } from '../../../platform/locomotion'
import { useLargeText } from '../../../platform/settings'
import { Button, Interactive, LARGE_TEXT_SCALE, QrCode, theme, UiText, wrapCjk } from '../../../platform/ui'
import type { ServiceHallContent } from '../../../schema/kinds/service-hall'
import { showPlanPage, showPlanTab, useDeskPage } from '../desk-page-store'
import { checklistText, mergeChecklist } from '../logic/checklist-merge'
import { clampPage, pagesOf } from '../logic/desk-pages'
import { resetNavigation, routeTo, setShowQr, takeTicketForPlan, tick, useHall } from '../service-hall-store'
import { strings } from '../service-hall-strings'
import { H, W } from './navigator-size'

/** Width rows wrap in, and the fraction of it the line estimate may use (troika's Latin runs wider). */
const TEXT_W = W - 0.1
const WRAP_MARGIN = 0.85
/** Body between the tab row and the bottom buttons. */
const BODY_TOP = 0.19
const BODY_BOTTOM = -H / 2 + 0.12
const LINE = 1.25

export function PlanView({ content }: { content: ServiceHallContent }) {
  const l = useLocalize()
  const lang = useLang()
  const plan = useHall((s) => s.plan)
  const ticked = useHall((s) => s.ticked)
  const showQr = useHall((s) => s.showQr)
  const ticket = useHall((s) => s.ticket)
  const ar = useInAR()
  const elderly = useHall((s) => s.elderly)
  // Large text is the visitor's setting or the hall's elderly mode (UiText enlarges by either).
  const largeText = useLargeText()
  const { tab, page } = useDeskPage()
  const checklist = useMemo(() => mergeChecklist(content, plan), [content, plan])
  const windowNumbers = useMemo(() => new Map(content.layout.windows.map((w) => [w.id, w.number])), [content])
  const size = elderly ? 0.038 : 0.034
  const drawn = size * (largeText ? LARGE_TEXT_SCALE : 1)
  // Rows pre-wrapped here, so each row's height (and so the page it lands on) is known before troika.
  const wrap = (text: string) => wrapCjk(text, (TEXT_W * WRAP_MARGIN) / drawn)
  const rows =
    tab === 'matters'
      ? checklist.matters.map((m, i) => {
          const numbers = m.windows.map((id) => windowNumbers.get(id)).join('/')
          const days =
            m.timeLimit.promisedDays === 0
              ? l(strings.onTheSpot)
              : fillPlaceholders(l(strings.days), { n: m.timeLimit.promisedDays })
          const where = lang === 'zh' ? `${numbers}号窗口` : `window ${numbers}`
          return { id: m.id, text: wrap(`${i + 1}. ${l(m.name)}\n→ ${where} · ${days} · ${l(m.fee)}`) }
        })
      : checklist.items.map((item) => {
          const done = ticked.has(item.materialId)
          const issued = item.producedBy ? `（${l(strings.issuedOnTheWay)}）` : ''
          return { id: item.materialId, text: wrap(`${done ? '√' : '□'} ${l(item.name)}${issued}`), done }
        })
  const gap = tab === 'matters' ? 0.03 : 0.014
  const heights = rows.map((r) => r.text.split('\n').length * drawn * LINE + gap)
  const pages = pagesOf(heights, BODY_TOP - BODY_BOTTOM)
  const at = clampPage(page, pages.length)
  let y = BODY_TOP
  const tabButton = (which: typeof tab, label: string, x: number) => (
    <Button
      label={label}
      width={0.21}
      height={0.08}
      fontSize={0.036}
      position={[x, 0.235, 0.01]}
      selected={tab === which}
      onPress={() => showPlanTab(which)}
      name={`sh:tab:${which}`}
    />
  )
  return (
    <group name="sh:plan">
      {tabButton('checklist', l(strings.checklistTab), -W / 2 + 0.125)}
      {tabButton('matters', l(strings.mattersTab), -W / 2 + 0.345)}
      {pages.length > 1 && (
        // One button that turns the pages round: two side by side would not fit beside the tabs.
        <Button
          label={`${l(strings.nextPage)} ${at + 1}/${pages.length}`}
          width={0.24}
          height={0.08}
          // 0.036 read 7.8 px at 1024×640, under the desktop floor of 8 (layout rules).
          fontSize={0.04}
          position={[W / 2 - 0.14, 0.235, 0.01]}
          onPress={() => showPlanPage((at + 1) % pages.length)}
          name="sh:page-next"
        />
      )}
      {(pages[at] ?? []).map((i) => {
        const row = rows[i]
        const h = heights[i]
        const top = y
        y -= h
        if (tab === 'matters')
          return (
            <UiText
              key={row.id}
              text={row.text}
              fontSize={size}
              lineHeight={LINE}
              maxWidth={TEXT_W}
              anchorX="left"
              anchorY="top"
              textAlign="left"
              position={[-TEXT_W / 2, top, 0]}
              name={`sh:matter:${row.id}`}
            />
          )
        const done = 'done' in row && row.done
        return (
          <Interactive
            key={row.id}
            label={row.text}
            onPress={() => tick(row.id)}
            name={`sh:check:${row.id}`}
            position={[0, top - (h - gap) / 2, 0.005]}
            hoverScale={1.02}
          >
            {/* Labels do not catch rays, so each row has a faint backing to press. */}
            <mesh position={[0, 0, -0.002]}>
              <planeGeometry args={[TEXT_W + 0.04, h - gap * 0.4]} />
              <meshBasicMaterial color={done ? '#e3f1e4' : '#ebe6dc'} toneMapped={false} />
            </mesh>
            <UiText
              text={row.text}
              fontSize={size}
              lineHeight={LINE}
              anchorX="left"
              textAlign="left"
              maxWidth={TEXT_W}
              position={[-TEXT_W / 2, 0, 0]}
              color={done ? '#2e7d32' : theme.text}
            />
          </Interactive>
        )
      })}
      <Button
        // On the table's model there is no machine to walk to: in AR the ticket is taken here, once.
        label={l(ar ? strings.takeTicket : strings.takeTicketHere)}
        width={0.3}
        position={[-W / 2 + 0.17, -H / 2 + 0.065, 0.01]}
        variant="primary"
        fontSize={0.036}
        disabled={ar && ticket !== null}
        onPress={() => {
          if (ar) return void takeTicketForPlan(performance.now())
          const p = usePlayer.getState().position
          routeTo({ kind: 'machine' }, [p[0], p[2]])
        }}
        name={ar ? 'sh:ar-ticket-desk' : 'sh:go-machine'}
      />
      <Button
        label={l(showQr ? strings.hideQr : strings.showQr)}
        width={0.24}
        fontSize={0.036}
        position={[0.06, -H / 2 + 0.065, 0.01]}
        onPress={() => setShowQr(!showQr)}
        selected={showQr}
        name="sh:qr"
      />
      <Button
        label={l(strings.restart)}
        width={0.17}
        fontSize={0.036}
        position={[W / 2 - 0.105, -H / 2 + 0.065, 0.01]}
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
