// The guidance desk (导办台): "我要办…" life events → a few questions → the matters, where to go, and one
// merged checklist to tick; plus search by Chinese, pinyin or initials, and the take-away QR code.
import { type ReactNode, useState } from 'react'
import { useLocalize } from '../../../platform/i18n'
import { Button, Panel, theme, UiText } from '../../../platform/ui'
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
  // Low and tilted back: readable at arm's length, and the windows and call screen stay visible above it;
  // high enough that its foot stays inside a 1024×640 view from where the visitor arrives.
  const position = placeLocal(desk.position, desk.rotationY, [0, 1.24, 0.62])
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
            fontSize={0.037}
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
              fontSize={0.037}
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
