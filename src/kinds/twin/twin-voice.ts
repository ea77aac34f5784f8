// The park's voice: a raised alert is said aloud after its chime, from its asset's direction, and an
// inspection stop's findings are read out. The inspection wins: an alert never cuts a stop's reading,
// it waits in a queue (critical first) and is dropped if acknowledged or cleared meanwhile.
// Neither is subtitled: the inspection card and the alert list show the same words as they are said,
// and a subtitle would cover the HUD's status bar (the hall's ticket call follows the same rule).
import { Vector3 } from 'three'
import { type NarrationItem, narrate } from '../../platform/audio'
import { getHeadPosition } from '../../platform/locomotion'
import type { Vec3 } from '../../schema/common'
import type { TwinAsset } from '../../schema/kinds/twin'
import { SEVERITY_LEVEL, type TwinAlert } from '../../shared/twin/alert-engine'
import { alertSpeech } from './logic/spoken-lines'
import type { TwinRuntime } from './logic/twin-runtime'

/** An alert sounds from its asset's direction, but no farther than this (m), so it stays audible. */
const ALERT_DISTANCE = 6

let queue: TwinAlert[] = []
let speaking: 'alert' | 'inspection' | null = null
/** Bumped by each narration started here and by reset, so a stale end is ignored. */
let token = 0

/** Reads out an inspection stop's findings, cutting any alert being said. */
export function speakInspection(item: NarrationItem, runtime: TwinRuntime): void {
  speaking = 'inspection'
  const mine = ++token
  void narrate({ ...item, subtitle: false }).then(() => {
    if (mine !== token) return
    speaking = null
    speakNextAlert(runtime)
  })
}

/** Says a newly raised alert, now or after what is being said. */
export function announceAlert(alert: TwinAlert, runtime: TwinRuntime): void {
  queue = [...queue.filter((a) => a.key !== alert.key), alert].sort(
    (a, b) => SEVERITY_LEVEL[b.severity] - SEVERITY_LEVEL[a.severity] || a.raisedAt - b.raisedAt,
  )
  if (speaking === null) speakNextAlert(runtime)
}

/** Forgets queued alerts and what is being said (the scene closed). */
export function resetTwinVoice(): void {
  queue = []
  speaking = null
  token++
}

function speakNextAlert(runtime: TwinRuntime): void {
  const twin = runtime.twin
  const active = runtime.liveAlerts.active()
  while (queue.length > 0) {
    const alert = queue.shift() as TwinAlert
    if (!active.some((a) => a.key === alert.key && !a.acked)) continue
    const rule = twin.alertRules.find((r) => r.id === alert.ruleId)
    const asset = twin.assets.find((a) => a.id === alert.assetId)
    if (!rule || !asset) continue
    speaking = 'alert'
    const mine = ++token
    void narrate({ text: alertSpeech(rule, asset), position: alertSource(asset), subtitle: false }).then(
      () => {
        if (mine !== token) return
        speaking = null
        speakNextAlert(runtime)
      },
    )
    return
  }
}

const head = new Vector3()
const toward = new Vector3()

/** On the line from the visitor to the asset, at most ALERT_DISTANCE away, at head height. */
function alertSource(asset: TwinAsset): Vec3 {
  getHeadPosition(head)
  toward.set(asset.position[0], head.y, asset.position[2]).sub(head)
  const distance = toward.length()
  if (distance > ALERT_DISTANCE) toward.multiplyScalar(ALERT_DISTANCE / distance)
  toward.add(head)
  return [toward.x, toward.y, toward.z]
}
