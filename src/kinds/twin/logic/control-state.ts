// Whether an asset's control is on right now, as its button shows it: HVAC and lighting from the
// telemetry, chargers (which report no switch state) from the last acknowledged command.
import type { TwinControlId } from '../../../schema/kinds/twin'
import type { MetricReader } from '../../../shared/twin/visual-rules'
import type { CommandState, CommandTracker } from './command-tracker'

const CONTROL_METRIC: Record<TwinControlId, 'hvacOn' | 'lighting' | 'chargersInUse'> = {
  hvac: 'hvacOn',
  lighting: 'lighting',
  chargers: 'chargersInUse',
}

/** The string key of each command state, for the label next to the control. */
export const COMMAND_STATE_TEXT = {
  pending: 'cmdPending',
  acknowledged: 'cmdAcknowledged',
  refused: 'cmdRefused',
  'timed-out': 'cmdTimedOut',
} as const satisfies Record<CommandState, string>

/** On unless the data says off (chargers: unless the last acknowledged command switched them off). */
export function controlIsOn(
  read: MetricReader,
  commands: CommandTracker,
  assetId: string,
  control: TwinControlId,
): boolean {
  if (control === 'chargers') {
    const last = commands.latest(assetId, 'chargers')
    return last?.state !== 'acknowledged' ? true : last.value >= 0.5
  }
  const v = read(assetId, CONTROL_METRIC[control])
  return v === undefined ? true : v > 0
}

/**
 * The two texts of a control: its state ("空调：运行中") and its button, the action a press asks for
 * ("关闭空调"). One text for both ("空调：关闭") reads as a state and says the opposite of the truth.
 */
export function controlTexts(
  control: TwinControlId,
  on: boolean,
): { state: `${TwinControlId}${'On' | 'Off'}`; action: `${TwinControlId}Turn${'On' | 'Off'}` } {
  return {
    state: `${control}${on ? 'On' : 'Off'}`,
    action: `${control}Turn${on ? 'Off' : 'On'}`,
  }
}
