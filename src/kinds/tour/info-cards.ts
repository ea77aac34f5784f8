// The exhibit cards a visitor opens: one about a hotspot in the hall, or one about a hotspot inside the
// panorama (its id `panorama:<hotspot>`). One builder for each, so a card opened by a press, by the test
// hooks or by a docent's group (which sends only its id) is the same card.
import { Vector3 } from 'three'
import { getHeadPosition, usePlayer } from '../../platform/locomotion'
import type { Vec3 } from '../../schema/common'
import type { Hotspot, PanoramaHotspot } from '../../schema/kinds/tour'
import { directionFromYawPitch } from './logic/panorama-geometry'
import { exhibitSpeech, panoramaCardSpeech } from './logic/spoken-lines'
import { type InfoCardContent, tourContent } from './tour-store'

/** The panorama sphere's centre above the visitor's feet, and how far its hotspots float from it. */
export const PANORAMA_EYE = 1.6
export const PANORAMA_HOTSPOT_DISTANCE = 1.2
const PANORAMA_CARD_PREFIX = 'panorama:'

const head = new Vector3()

/** Where a card about something at `anchor` should float: a little towards the visitor, at reading height. */
export function cardPositionFor(anchor: Vec3, towards = 0.55): Vec3 {
  getHeadPosition(head)
  const a = new Vector3(...anchor)
  const dir = head.clone().sub(a).setY(0)
  if (dir.lengthSq() > 1e-4) dir.normalize()
  const p = a.addScaledVector(dir, Math.min(towards, Math.max(0, head.distanceTo(a) - 0.6)))
  p.y = Math.min(Math.max(p.y, 1.2), 1.75)
  return [p.x, p.y, p.z]
}

export function exhibitCard(h: Hotspot): InfoCardContent {
  return {
    id: h.id,
    title: h.title,
    text: h.text,
    image: h.image,
    position: cardPositionFor(h.position),
    speech: exhibitSpeech(h),
  }
}

/** The panorama's centre for a visitor standing at `feet`. */
export function panoramaCenter(feet: Vec3): Vec3 {
  return [feet[0], feet[1] + PANORAMA_EYE, feet[2]]
}

/** Where a panorama hotspot floats, from the sphere's centre. */
export function panoramaHotspotOffset(h: PanoramaHotspot): Vec3 {
  const [dx, dy, dz] = directionFromYawPitch(h.yaw, h.pitch)
  return [dx * PANORAMA_HOTSPOT_DISTANCE, dy * PANORAMA_HOTSPOT_DISTANCE, dz * PANORAMA_HOTSPOT_DISTANCE]
}

export function panoramaCard(h: PanoramaHotspot, center: Vec3): InfoCardContent {
  const [x, y, z] = panoramaHotspotOffset(h)
  return {
    id: `${PANORAMA_CARD_PREFIX}${h.id}`,
    title: h.title,
    text: h.text,
    image: h.image,
    position: cardPositionFor([center[0] + x, center[1] + y, center[2] + z], 1.9),
    speech: panoramaCardSpeech(h),
  }
}

/** The card with this id in the open tour, placed for this visitor; null for an id the tour lacks. */
export function cardById(id: string): InfoCardContent | null {
  const content = tourContent()
  if (!content) return null
  if (id.startsWith(PANORAMA_CARD_PREFIX)) {
    const h = content.panorama?.hotspots.find((p) => `${PANORAMA_CARD_PREFIX}${p.id}` === id)
    return h ? panoramaCard(h, panoramaCenter(usePlayer.getState().position)) : null
  }
  const h = content.hotspots.find((p) => p.id === id)
  return h ? exhibitCard(h) : null
}
