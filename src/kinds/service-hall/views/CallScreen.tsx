// The waiting area's call screen: the latest calls, newest on top; the visitor's own number in gold.
import { fillPlaceholders, useLang, useLocalize } from '../../../platform/i18n'
import { UiBatch, UiText } from '../../../platform/ui'
import type { ServiceHallContent } from '../../../schema/kinds/service-hall'
import { useHall } from '../service-hall-store'
import { strings } from '../service-hall-strings'

export function CallScreen({ content }: { content: ServiceHallContent }) {
  const l = useLocalize()
  const lang = useLang()
  const calls = useHall((s) => s.recentCalls)
  const myCall = useHall((s) => s.myCall)
  const { position, rotationY } = content.layout.callScreen
  const latest = calls[0]
  const rows = calls
    .slice(0, 4)
    .map((c) =>
      lang === 'zh'
        ? `${c.ticket.number}  →  ${c.windowNumber}号窗口`
        : `${c.ticket.number}  →  window ${c.windowNumber}`,
    )
    .join('\n')
  return (
    <group position={position} rotation-y={(rotationY * Math.PI) / 180} name="call-screen">
      {/* Its title, calls and the visitor's turn in one draw per eye. */}
      <UiBatch>
        <UiText
          text={l(strings.callScreenTitle)}
          fontSize={0.16}
          fixedSize
          color="#ffd166"
          position={[0, 0.6, 0.01]}
        />
        {latest && (
          <UiText
            text={fillPlaceholders(l(strings.nowCalling), {
              ticket: latest.ticket.number,
              window: latest.windowNumber,
            })}
            fontSize={0.15}
            fixedSize
            maxWidth={3.5}
            color={latest.ticket.mine ? '#ffd166' : '#ffffff'}
            position={[0, 0.36, 0.01]}
            name="call-screen:latest"
          />
        )}
        <UiText
          text={rows}
          fontSize={0.14}
          fixedSize
          lineHeight={1.25}
          color="#7fe0ff"
          anchorY="top"
          position={[0, 0.2, 0.01]}
          name="call-screen:list"
        />
        {myCall && (
          <UiText
            text={fillPlaceholders(l(strings.yourTurn), { window: myCall.windowNumber })}
            fontSize={0.13}
            fixedSize
            color="#ffd166"
            position={[0, -0.66, 0.01]}
          />
        )}
      </UiBatch>
    </group>
  )
}
