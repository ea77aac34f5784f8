// A small tablet-like panel that travels with the visitor: where the route goes (with "follow"), the
// ticket and how many are ahead, and, when the number is called, which window to go to.
import { useRef } from 'react'
import { type Group, MathUtils, Vector3 } from 'three'
import { useFrameStage } from '../../../platform/frame'
import { fillPlaceholders, useLocalize } from '../../../platform/i18n'
import { usePlayer } from '../../../platform/locomotion'
import { Button, Panel, theme, UiText } from '../../../platform/ui'
import { followRoute, routeTo, useHall } from '../service-hall-store'
import { strings } from '../service-hall-strings'

const target = new Vector3()

export function StatusPanel() {
  const l = useLocalize()
  const route = useHall((s) => s.route)
  const ticket = useHall((s) => s.ticket)
  const myCall = useHall((s) => s.myCall)
  const clerkWindowId = useHall((s) => s.clerkWindowId)
  const queue = useHall((s) => s.queue)
  useHall((s) => s.recentCalls) // re-render on every call so "people ahead" stays current
  const group = useRef<Group>(null)

  useFrameStage('uiFollow', (_, delta) => {
    const g = group.current
    if (!g) return
    const { position, yaw } = usePlayer.getState()
    const a = MathUtils.degToRad(yaw)
    // Off to the left at chest height, turned towards the visitor, so it never covers the panel ahead.
    const lx = -0.55
    const lz = -0.7
    target.set(
      position[0] + lx * Math.cos(a) + lz * Math.sin(a),
      position[1] + 1.42,
      position[2] - lx * Math.sin(a) + lz * Math.cos(a),
    )
    if (g.position.distanceTo(target) > 3) g.position.copy(target)
    else g.position.lerp(target, Math.min(1, delta * 5))
    g.rotation.set(0, a + 0.65, 0)
  })

  const lines: string[] = []
  let action: { label: string; onPress: () => void; name: string } | null = null
  if (route && !route.arrived) {
    lines.push(fillPlaceholders(l(strings.routeTo), { place: l(route.label) }))
    if (!route.following) action = { label: l(strings.follow), onPress: followRoute, name: 'sh:follow' }
  }
  if (ticket && !myCall && queue) {
    const wait = queue.estimatedWait(ticket, performance.now())
    lines.push(`${l(strings.yourTicket)} ${ticket.number}`)
    lines.push(
      fillPlaceholders(l(strings.peopleAhead), {
        n: Math.max(0, queue.peopleAhead(ticket)),
        m: wait.realMinutes,
      }),
    )
  }
  if (myCall && clerkWindowId !== myCall.windowId) {
    lines.push(
      `${ticket?.number ?? ''} ${fillPlaceholders(l(strings.yourTurn), { window: myCall.windowNumber })}`,
    )
    if (!route || route.arrived || route.target.kind !== 'window')
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
  return (
    <group ref={group} name="sh:status" visible={visible}>
      {visible && (
        <group>
          <Panel width={0.52} height={action ? 0.3 : 0.2} color={theme.panelDark}>
            <UiText
              text={lines.join('\n')}
              fontSize={0.03}
              color="#ffffff"
              maxWidth={0.48}
              position={[0, action ? 0.06 : 0, 0]}
              name="sh:status-text"
            />
            {action && (
              <Button
                label={action.label}
                width={0.34}
                height={0.075}
                fontSize={0.032}
                variant="primary"
                position={[0, -0.095, 0.01]}
                onPress={action.onPress}
                name={action.name}
              />
            )}
          </Panel>
        </group>
      )}
    </group>
  )
}
