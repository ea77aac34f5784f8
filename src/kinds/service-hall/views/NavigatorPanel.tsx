// The guidance desk (导办台): "我要办…" life events → a few questions → the matters, where to go, and one
// merged checklist to tick; plus search by Chinese, pinyin or initials, and the take-away QR code.
import { type ReactNode, useState } from 'react'
import { useLocalize } from '../../../platform/i18n'
import { Button, FlatLayerGroup, Panel, theme, UiText } from '../../../platform/ui'
import type { ServiceHallContent } from '../../../schema/kinds/service-hall'
import { placeLocal } from '../logic/hall-placement'
import { currentQuestion } from '../logic/service-navigator'
import { chooseEvent, chooseOption, setElderly, stepBack, useHall } from '../service-hall-store'
import { strings } from '../service-hall-strings'
import { H, W } from './navigator-size'
import { PlanView } from './PlanView'
import { SearchView } from './SearchView'

export function NavigatorPanel({ content }: { content: ServiceHallContent }) {
  const l = useLocalize()
  const nav = useHall((s) => s.nav)
  const plan = useHall((s) => s.plan)
  const elderly = useHall((s) => s.elderly)
  const [searching, setSearching] = useState(false)
  const desk = content.layout.guidanceDesk
  // Tilted a little back towards the eye and no wider than the space between a headset's side panels
  // from where the visitor arrives; its foot stays above the subtitle there, and the call screen shows
  // above its top.
  const position = placeLocal(desk.position, desk.rotationY, [0, 1.42, 0.62])
  const event = content.lifeEvents.find((e) => e.id === nav?.eventId)
  const question = event && nav ? currentQuestion(event, nav) : null
  const finished = plan.length > 0 && !question

  const toggleElderly = () => {
    const next = !elderly
    setElderly(next)
  }

  let body: ReactNode
  if (searching && !finished) body = <SearchView content={content} onPick={() => setSearching(false)} />
  else if (question) {
    const step = elderly ? 0.14 : 0.13
    body = (
      <group>
        <UiText text={l(question.text)} fontSize={0.042} maxWidth={W - 0.08} position={[0, 0.2, 0]} />
        {question.options.map((o, i) => (
          <Button
            key={i}
            label={l(o.label)}
            width={W - 0.12}
            height={elderly ? 0.12 : 0.1}
            fontSize={elderly ? 0.05 : theme.bodySize}
            position={[0, 0.06 - i * step, 0.01]}
            variant="primary"
            onPress={() => chooseOption(i)}
            name={`sh:option:${i}`}
          />
        ))}
        <Button
          label={l(strings.back)}
          width={0.24}
          height={0.08}
          fontSize={0.036}
          position={[-W / 2 + 0.15, -H / 2 + 0.06, 0.01]}
          onPress={stepBack}
          name="sh:back"
        />
      </group>
    )
  } else if (finished) body = <PlanView content={content} />
  else {
    // Two columns of events with search in the cell after the last; one wide column for seniors.
    const cols = elderly ? 1 : 2
    const cellW = elderly ? W - 0.08 : (W - 0.1) / 2
    const cellH = elderly ? 0.095 : 0.1
    const step = elderly ? 0.105 : 0.12
    const top = elderly ? 0.22 : 0.14
    const at = (i: number): [number, number, number] => {
      const col = i % cols
      const row = Math.floor(i / cols)
      const x = cols === 1 ? 0 : (col === 0 ? -1 : 1) * (cellW / 2 + 0.01)
      return [x, top - row * step, 0.01]
    }
    const searchAt = elderly ? ([0, -H / 2 + 0.07, 0.01] as const) : at(content.lifeEvents.length)
    body = (
      <group>
        {!elderly && (
          <UiText text={l(strings.pickEvent)} fontSize={0.034} color="#555" position={[0, 0.24, 0]} />
        )}
        {content.lifeEvents.map((e, i) => (
          <Button
            key={e.id}
            label={l(e.title)}
            width={cellW}
            height={cellH}
            fontSize={elderly ? 0.05 : 0.04}
            position={at(i)}
            variant="primary"
            onPress={() => chooseEvent(e.id)}
            name={`sh:event:${e.id}`}
          />
        ))}
        <Button
          label={l(strings.search)}
          width={elderly ? 0.34 : cellW}
          height={elderly ? 0.08 : cellH}
          fontSize={0.036}
          position={[searchAt[0], searchAt[1], searchAt[2]]}
          onPress={() => setSearching(true)}
          name="sh:search"
        />
      </group>
    )
  }

  return (
    <group position={position} rotation-y={(desk.rotationY * Math.PI) / 180} name="sh:navigator">
      <group rotation-x={-0.15}>
        {/* In a headset, the navigator is one picture per eye, redrawn when it changes. */}
        <FlatLayerGroup>
          <Panel width={W} height={H}>
            <UiText
              text={l(strings.iWantTo)}
              fontSize={0.05}
              anchorX="left"
              position={[-W / 2 + 0.04, H / 2 - 0.06, 0]}
            />
            {searching && !finished ? (
              <Button
                label={l(strings.back)}
                width={0.14}
                height={0.08}
                fontSize={0.036}
                position={[0, H / 2 - 0.06, 0.01]}
                onPress={() => setSearching(false)}
                name="sh:search-back"
              />
            ) : null}
            <Button
              label={l(elderly ? strings.elderlyOff : strings.elderlyOn)}
              width={0.28}
              height={0.08}
              fontSize={0.036}
              position={[W / 2 - 0.16, H / 2 - 0.06, 0.01]}
              selected={elderly}
              onPress={toggleElderly}
              name="sh:elderly"
            />
            {body}
          </Panel>
        </FlatLayerGroup>
      </group>
    </group>
  )
}
