// The hall as a floor-plan model on the visitor's table (AR): the building, call screen and route guide at
// the AR service's scale, the route from the entrance to the window the visitor needs (logic/ar-route.ts),
// and above that window a pin with the queue state (ticket number, people ahead) at a readable size.
import { useEffect } from 'react'
import { fillPlaceholders, useLocalize } from '../../../platform/i18n'
import { UiText } from '../../../platform/ui'
import type { ServiceHallContent } from '../../../schema/kinds/service-hall'
import { arRouteWindow, entrancePoint } from '../logic/ar-route'
import { queueWaitText } from '../logic/queue-wording'
import { routeTo, useHall } from '../service-hall-store'
import { strings } from '../service-hall-strings'
import { CallScreen } from './CallScreen'
import { HallBuilding } from './HallBuilding'
import { RouteGuide } from './RouteGuide'

/** Hall metres per metre of label: its text is sized in real metres on the 1:50 model. */
const LABEL_SCALE = 50
const PIN_COLOR = '#d9822b'

export function HallARModel({ content }: { content: ServiceHallContent }) {
  const plan = useHall((s) => s.plan)
  const question = useHall((s) => s.nav?.questionId ?? null)
  const calledAt = useHall((s) => s.myCall?.windowId ?? null)
  const windowId = question ? null : arRouteWindow(content, plan, calledAt)
  // Not followed: the visitor stays at the table while the guide walks the model.
  useEffect(() => {
    if (windowId) routeTo({ kind: 'window', windowId }, entrancePoint(content), false)
  }, [content, windowId])
  const target = content.layout.windows.find((w) => w.id === windowId)
  return (
    <group name="sh:ar-model">
      <HallBuilding content={content} />
      <CallScreen content={content} />
      <RouteGuide content={content} />
      {target && (
        <group position={[target.position[0], 0, target.position[2] + 1.2]} name="sh:ar-window-pin">
          <mesh position={[0, 3, 0]}>
            <cylinderGeometry args={[0.18, 0.18, 6, 8]} />
            <meshLambertMaterial color={PIN_COLOR} />
          </mesh>
          <group position={[0, 6.6, 0]} rotation-x={-0.4} scale={LABEL_SCALE}>
            <QueueLabel windowNumber={target.number} />
          </group>
        </group>
      )}
    </group>
  )
}

/** "7号窗口" and, with a ticket, its number and the people ahead: what the visitor waits for, on the model. */
function QueueLabel({ windowNumber }: { windowNumber: number }) {
  const l = useLocalize()
  const ticket = useHall((s) => s.ticket)
  const myCall = useHall((s) => s.myCall)
  const queue = useHall((s) => s.queue)
  useHall((s) => s.recentCalls) // re-render on every call so "people ahead" stays current
  const lines = [l({ zh: `${windowNumber}号窗口`, en: `Window ${windowNumber}` })]
  if (ticket && myCall)
    lines.push(`${ticket.number} ${fillPlaceholders(l(strings.yourTurn), { window: windowNumber })}`)
  else if (ticket && queue) {
    const minutes = queue.estimatedWait(ticket, performance.now()).realMinutes
    lines.push(
      `${l(strings.yourTicket)} ${ticket.number}`,
      l(queueWaitText(queue.peopleAhead(ticket), minutes)),
    )
  }
  return (
    <UiText
      text={lines.join('\n')}
      // About 1 m from a standing visitor's eye: 2.6 cm keeps its cap height above 0.9° (1.8 cm read 0.76°).
      fontSize={0.026}
      maxWidth={0.3}
      textAlign="center"
      color="#ffffff"
      outlineWidth={0.002}
      outlineColor="#1b2a3a"
      name="sh:ar-queue"
    />
  )
}
