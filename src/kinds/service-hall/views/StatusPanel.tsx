// A small tablet-like panel that travels with the visitor in the view's "right" slot: where the route
// goes (with "follow"), the ticket and how many are ahead, and, when the number is called, which window
// to go to. The slot keeps it inside the view and off the desk's and the clerk's panels. In AR it takes the
// ticket for the route on the table's model (there is no machine to walk to) and offers no following.
import { useInAR } from '../../../platform/ar'
import { fillPlaceholders, useLocalize } from '../../../platform/i18n'
import { usePlayer } from '../../../platform/locomotion'
import { Button, LARGE_TEXT_SCALE, Panel, theme, UiText, ViewSlot, wrapCjk } from '../../../platform/ui'
import { queueWaitText } from '../logic/queue-wording'
import { followRoute, routeTo, takeTicketForPlan, useHall } from '../service-hall-store'
import { strings } from '../service-hall-strings'

/**
 * Narrow with large text, so the right slot, about 13° wide in a headset, keeps it legible (≥ 0.9°):
 * a 0.56 m panel was shrunk to 0.45 and its 0.034 m text to 0.5°. Its lines wrap instead.
 */
const PANEL_W = 0.36
const FONT = 0.04

export function StatusPanel() {
  const l = useLocalize()
  const route = useHall((s) => s.route)
  const ticket = useHall((s) => s.ticket)
  const myCall = useHall((s) => s.myCall)
  const mirroredWait = useHall((s) => s.mirroredWait)
  const clerkWindowId = useHall((s) => s.clerkWindowId)
  const queue = useHall((s) => s.queue)
  const plan = useHall((s) => s.plan)
  useHall((s) => s.recentCalls) // re-render on every call so "people ahead" stays current
  const ar = useInAR()
  const lines: string[] = []
  let action: { label: string; onPress: () => void; name: string } | null = null
  // At a clerk's window the conversation is what the visitor reads: the route and the wait step aside
  // (the clerk's panel stands on the right, where this slot is); only a call to another window shows.
  const atClerk = clerkWindowId !== null
  if (route && !route.arrived && !atClerk) {
    lines.push(fillPlaceholders(l(strings.routeTo), { place: l(route.label) }))
    // In AR the route is on the table's model: nobody follows it, and the ticket is taken here.
    if (ar && !ticket && plan[0])
      action = {
        label: l(strings.takeTicket),
        onPress: () => takeTicketForPlan(performance.now()),
        name: 'sh:ar-ticket',
      }
    else if (!route.following && !ar)
      action = { label: l(strings.follow), onPress: followRoute, name: 'sh:follow' }
  }
  if (ticket && !myCall && queue && !atClerk) {
    // A spectator screen shows the visitor's count: its own queue does not hold their ticket.
    const ahead = mirroredWait?.ahead ?? queue.peopleAhead(ticket)
    const minutes = mirroredWait?.minutes ?? queue.estimatedWait(ticket, performance.now()).realMinutes
    lines.push(`${l(strings.yourTicket)} ${ticket.number}`)
    lines.push(l(queueWaitText(ahead, minutes)))
  }
  if (myCall && clerkWindowId !== myCall.windowId) {
    lines.push(
      `${ticket?.number ?? ''} ${fillPlaceholders(l(strings.yourTurn), { window: myCall.windowNumber })}`,
    )
    if (!ar && (!route || route.arrived || route.target.kind !== 'window'))
      action = {
        label: l(strings.guideMe),
        onPress: () => {
          const p = usePlayer.getState().position
          routeTo({ kind: 'window', windowId: myCall.windowId }, [p[0], p[2]], true)
        },
        name: 'sh:go-window',
      }
  }
  const visible = lines.length > 0
  // Room for the lines as wrapped at large text (×1.25), at least two, plus the action button.
  const large = FONT * LARGE_TEXT_SCALE
  const wrappedLines = wrapCjk(lines.join('\n'), (PANEL_W - 0.05) / large).split('\n').length
  const textH = Math.max(2, wrappedLines) * large * 1.2
  const height = textH + 0.06 + (action ? 0.12 : 0)
  // On a portrait kiosk the right column is a half-row across the navigator at the desk: below it instead.
  return (
    <group name="sh:status" visible={visible}>
      {visible && (
        <ViewSlot slot="right" portraitSlot="bottom" width={PANEL_W} height={height}>
          <Panel width={PANEL_W} height={height} color={theme.panelDark} name="sh:status-panel">
            <UiText
              text={lines.join('\n')}
              fontSize={FONT}
              color="#ffffff"
              maxWidth={PANEL_W - 0.05}
              position={[0, action ? 0.06 : 0, 0.004]}
              name="sh:status-text"
            />
            {action && (
              <Button
                label={action.label}
                width={0.32}
                height={0.09}
                fontSize={FONT}
                variant="primary"
                position={[0, -height / 2 + 0.07, 0.01]}
                onPress={action.onPress}
                name={action.name}
              />
            )}
          </Panel>
        </ViewSlot>
      )}
    </group>
  )
}
