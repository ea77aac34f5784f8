// The queue-ticket machine (取号机): a ticket for the first matter of the plan, or for any business area.
import { fillPlaceholders, useLocalize } from '../../../platform/i18n'
import { getPlayerPosition } from '../../../platform/locomotion'
import { Button, Panel, theme, UiText } from '../../../platform/ui'
import type { ServiceHallContent } from '../../../schema/kinds/service-hall'
import { placeLocal } from '../logic/hall-placement'
import { routeTo, takeTicket, useHall } from '../service-hall-store'
import { strings } from '../service-hall-strings'

export function TicketMachinePanel({ content }: { content: ServiceHallContent }) {
  const l = useLocalize()
  const plan = useHall((s) => s.plan)
  const ticket = useHall((s) => s.ticket)
  const elderly = useHall((s) => s.elderly)
  const m = content.layout.ticketMachine
  const position = placeLocal(m.position, m.rotationY, [0, 1.5, 0.4])
  const queueOf = (windowId: string) => content.layout.windows.find((w) => w.id === windowId)?.queue ?? 'A'
  // With a plan: one button per matter, in the order to do them. Without: one per business area.
  const choices = plan.length
    ? plan
        .map((id) => content.matters.find((x) => x.id === id))
        .filter((x) => x !== undefined)
        .map((matter) => ({
          key: matter.id,
          label: l(matter.name),
          queue: queueOf(matter.windows[0]),
          matterId: matter.id,
        }))
    : [...new Map(content.layout.windows.map((w) => [w.queue, w])).values()].map((w) => ({
        key: w.queue,
        label: l(w.area),
        queue: w.queue,
        matterId: content.matters.find((x) => x.windows.includes(w.id))?.id,
      }))
  const shown = choices.slice(0, elderly ? 3 : plan.length ? 4 : 9)
  const take = (queue: string, matterId: string | undefined) => {
    takeTicket(queue, matterId, performance.now())
    const p = getPlayerPosition()
    routeTo({ kind: 'waiting' }, [p.x, p.z], true)
  }
  const cols = shown.length > 4 ? 2 : 1
  return (
    <group position={position} rotation-y={(m.rotationY * Math.PI) / 180} name="sh:ticket-machine">
      <Panel width={0.8} height={0.72} color={theme.panelDark}>
        <UiText text={l(strings.ticketMachine)} fontSize={0.05} color="#ffffff" position={[0, 0.3, 0]} />
        {ticket ? (
          <UiText
            text={`${l(strings.yourTicket)}\n${ticket.number}`}
            fontSize={0.07}
            color="#ffd166"
            textAlign="center"
            position={[0, 0.02, 0]}
            name="sh:ticket-number"
          />
        ) : (
          shown.map((c, i) => {
            const col = cols === 2 ? i % 2 : 0
            const row = cols === 2 ? Math.floor(i / 2) : i
            return (
              <Button
                key={c.key}
                label={`${l(strings.takeTicket)} · ${c.label}`}
                width={cols === 2 ? 0.37 : 0.7}
                height={cols === 2 ? 0.1 : 0.11}
                fontSize={cols === 2 ? 0.028 : 0.036}
                variant={i === 0 && plan.length ? 'primary' : 'secondary'}
                position={[
                  cols === 2 ? (col === 0 ? -0.19 : 0.19) : 0,
                  0.17 - row * (cols === 2 ? 0.115 : 0.13),
                  0.01,
                ]}
                onPress={() => take(c.queue, c.matterId)}
                name={`sh:ticket:${c.key}`}
              />
            )
          })
        )}
        {ticket && (
          <UiText
            text={fillPlaceholders(l(strings.routeTo), { place: l(strings.waitingArea) })}
            fontSize={0.032}
            color="#ffffff"
            position={[0, -0.25, 0]}
          />
        )}
      </Panel>
    </group>
  )
}
