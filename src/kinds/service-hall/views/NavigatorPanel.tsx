// The guidance desk (导办台): "我要办…" life events → a few questions → the matters, where to go, and one
// merged checklist to tick; plus search by Chinese, pinyin or initials, and the take-away QR code.
import { type ReactNode, useEffect, useMemo, useState } from 'react'
import { useLang, useLocalize } from '../../../platform/i18n'
import { getPlayerPosition } from '../../../platform/locomotion'
import { useSettings } from '../../../platform/settings'
import { Button, Interactive, Panel, theme, UiText, VirtualKeyboard } from '../../../platform/ui'
import type { ServiceHallContent } from '../../../schema/kinds/service-hall'
import { checklistText, mergeChecklist } from '../logic/checklist-merge'
import { currentQuestion } from '../logic/service-navigator'
import {
  chooseEvent,
  chooseMatter,
  chooseOption,
  resetNavigation,
  routeTo,
  setElderly,
  setSearchQuery,
  setShowQr,
  stepBack,
  tick,
  useHall,
} from '../service-hall-store'
import { fill, strings } from '../service-hall-strings'
import { useDesktopTyping } from './desktop-typing'
import { placeLocal } from './HallBuilding'
import { qrTexture } from './qr-texture'

const W = 1.5
const H = 0.86

export function NavigatorPanel({ content }: { content: ServiceHallContent }) {
  const l = useLocalize()
  const nav = useHall((s) => s.nav)
  const plan = useHall((s) => s.plan)
  const elderly = useHall((s) => s.elderly)
  const [searching, setSearching] = useState(false)
  const desk = content.layout.guidanceDesk
  // Low and tilted back: readable at arm's length, and the windows and call screen stay visible above it.
  const position = placeLocal(desk.position, desk.rotationY, [0, 1.12, 0.62])
  const event = content.lifeEvents.find((e) => e.id === nav?.eventId)
  const question = event && nav ? currentQuestion(event, nav) : null
  const finished = plan.length > 0 && !question

  const toggleElderly = () => {
    const next = !elderly
    setElderly(next)
    useSettings.getState().update({ largeText: next })
  }

  let body: ReactNode
  if (searching && !finished) body = <SearchView content={content} onPick={() => setSearching(false)} />
  else if (question) {
    body = (
      <group>
        <UiText text={l(question.text)} fontSize={0.05} maxWidth={W - 0.2} position={[0, 0.2, 0]} />
        {question.options.map((o, i) => (
          <Button
            key={i}
            label={l(o.label)}
            width={0.8}
            height={elderly ? 0.13 : 0.11}
            fontSize={elderly ? 0.05 : theme.bodySize}
            position={[0, 0.05 - i * (elderly ? 0.16 : 0.14), 0.01]}
            variant="primary"
            onPress={() => chooseOption(i)}
            name={`sh:option:${i}`}
          />
        ))}
        <Button
          label={l(strings.back)}
          width={0.3}
          position={[-W / 2 + 0.2, -H / 2 + 0.08, 0.01]}
          onPress={stepBack}
          name="sh:back"
        />
      </group>
    )
  } else if (finished) body = <PlanView content={content} />
  else {
    const cols = elderly ? 1 : 2
    body = (
      <group>
        {content.lifeEvents.map((e, i) => {
          const col = i % cols
          const row = Math.floor(i / cols)
          const x = cols === 1 ? 0 : col === 0 ? -0.34 : 0.34
          return (
            <Button
              key={e.id}
              label={l(e.title)}
              width={cols === 1 ? 0.9 : 0.62}
              height={elderly ? 0.115 : 0.13}
              fontSize={elderly ? 0.05 : 0.042}
              position={[x, 0.22 - row * (elderly ? 0.135 : 0.16), 0.01]}
              variant="primary"
              onPress={() => chooseEvent(e.id)}
              name={`sh:event:${e.id}`}
            />
          )
        })}
        {!elderly && (
          <UiText text={l(strings.pickEvent)} fontSize={0.032} color="#555" position={[0, -0.33, 0]} />
        )}
      </group>
    )
  }

  return (
    <group position={position} rotation-y={(desk.rotationY * Math.PI) / 180} name="sh:navigator">
      <group rotation-x={-0.3}>
        <Panel width={W} height={H}>
          <UiText text={l(strings.iWantTo)} fontSize={theme.titleSize} position={[0, H / 2 - 0.065, 0]} />
          <Button
            label={l(elderly ? strings.elderlyOff : strings.elderlyOn)}
            width={0.3}
            height={0.08}
            fontSize={0.032}
            position={[W / 2 - 0.2, H / 2 - 0.065, 0.01]}
            selected={elderly}
            onPress={toggleElderly}
            name="sh:elderly"
          />
          {!finished && !question && (
            <Button
              label={l(searching ? strings.back : strings.search)}
              width={0.3}
              height={0.08}
              fontSize={0.032}
              position={[-W / 2 + 0.2, H / 2 - 0.065, 0.01]}
              onPress={() => setSearching(!searching)}
              name="sh:search"
            />
          )}
          {body}
        </Panel>
      </group>
    </group>
  )
}

function PlanView({ content }: { content: ServiceHallContent }) {
  const l = useLocalize()
  const lang = useLang()
  const plan = useHall((s) => s.plan)
  const ticked = useHall((s) => s.ticked)
  const showQr = useHall((s) => s.showQr)
  const ticket = useHall((s) => s.ticket)
  const elderly = useHall((s) => s.elderly)
  const checklist = useMemo(() => mergeChecklist(content, plan), [content, plan])
  const windowNumbers = useMemo(() => new Map(content.layout.windows.map((w) => [w.id, w.number])), [content])
  const small = elderly ? 0.034 : 0.03
  const rowStep = elderly ? 0.05 : 0.043
  const matterLines = checklist.matters.map((m, i) => {
    const numbers = m.windows.map((id) => windowNumbers.get(id)).join('/')
    const days =
      m.timeLimit.promisedDays === 0
        ? l(strings.onTheSpot)
        : fill(l(strings.days), { n: m.timeLimit.promisedDays })
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
        position={[-W / 4, 0.33, 0]}
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
        position={[W / 4, 0.33, 0]}
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
          const p = getPlayerPosition()
          routeTo({ kind: 'machine' }, [p.x, p.z])
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
  const texture = useMemo(() => qrTexture(text), [text])
  useEffect(() => () => texture?.dispose(), [texture])
  if (!texture) return null
  return (
    <group
      position={[W / 2 + 0.3, 0.05, 0.05]}
      rotation-y={-0.35}
      name="sh:qr-code"
      userData={{ qrText: text }}
    >
      <mesh>
        <planeGeometry args={[0.48, 0.48]} />
        <meshBasicMaterial map={texture} toneMapped={false} />
      </mesh>
      <UiText text={l(strings.showQr)} fontSize={0.03} position={[0, -0.29, 0]} />
    </group>
  )
}

function SearchView({ content, onPick }: { content: ServiceHallContent; onPick: () => void }) {
  const l = useLocalize()
  const query = useHall((s) => s.searchQuery)
  const search = useHall((s) => s.search)
  const hits = useMemo(() => (search ? search.search(query, 4) : []), [search, query])
  const typing = useDesktopTyping(true, query, setSearchQuery, () => undefined)
  useEffect(() => {
    typing.focus()
  }, [typing])
  return (
    <group name="sh:search-view">
      <Interactive
        label="search-field"
        onPress={() => typing.focus()}
        name="sh:search-field"
        position={[0, 0.27, 0.005]}
        hoverScale={1.01}
      >
        <mesh>
          <planeGeometry args={[W - 0.2, 0.09]} />
          <meshBasicMaterial color="#ffffff" toneMapped={false} />
        </mesh>
        <UiText
          text={query || l(strings.searchHint)}
          fontSize={0.036}
          color={query ? theme.text : '#888'}
          position={[0, 0, 0.003]}
          name="sh:search-text"
        />
      </Interactive>
      {hits.map((h, i) => {
        const matter = content.matters.find((m) => m.id === h.matterId)
        if (!matter) return null
        return (
          <Button
            key={h.matterId}
            label={l(matter.name)}
            width={0.68}
            height={0.085}
            fontSize={0.03}
            position={[-0.37, 0.13 - i * 0.1, 0.01]}
            variant={i === 0 ? 'primary' : 'secondary'}
            onPress={() => {
              chooseMatter(h.matterId)
              onPick()
            }}
            name={`sh:hit:${h.matterId}`}
          />
        )
      })}
      {query && hits.length === 0 && (
        <UiText text={l(strings.noResults)} fontSize={0.03} maxWidth={0.66} position={[-0.37, 0.1, 0]} />
      )}
      <VirtualKeyboard
        value={query}
        onChange={setSearchQuery}
        width={0.68}
        position={[0.37, -0.04, 0.004]}
        name="sh:search-keyboard"
      />
    </group>
  )
}
