// The tour in a docent-led group (the platform's groups service): the docent's stop and what the docent
// has open there (a card, the panorama, the then-and-now slider, a timeline event) go to the group; a
// following visitor is taken to the stop, sees and hears the same panels open, and is gathered to the
// docent. `&group=new` opens a group and `&group=<code>` joins one when the tour opens. No React; the
// tour's entry starts it and ends it.

import {
  enterGroup,
  leaveGroup,
  parseGroupParam,
  setGroupHandlers,
  sharePanels,
  shareStop,
  useGroup,
} from '../../platform/groups'
import { teleportPlayer } from '../../platform/locomotion'
import type { DocentPanels } from '../../shared/groups/group-messages'
import { cardById } from './info-cards'
import {
  closeCard,
  followGroupStop,
  openCard,
  selectTimelineEvent,
  setGroupPanelOpen,
  setPanoramaOpen,
  setThenNow,
  useTourStore,
} from './tour-store'

/** The slider goes to the group in twentieths: enough to follow a drag without a message per pixel. */
const SLIDER_STEP = 0.05

/** What this page's tour has open, as the group shares it. */
function openPanels(): DocentPanels {
  const s = useTourStore.getState()
  return {
    card: s.card?.id ?? null,
    panorama: s.panoramaOpen,
    thenNow: Math.round(s.thenNow / SLIDER_STEP) * SLIDER_STEP,
    timeline: s.timelineSelected,
  }
}

/** Opens what the docent has open, through the same actions a press takes (so it is said too). */
export function followGroupPanels(panels: DocentPanels): void {
  const s = useTourStore.getState()
  if (panels.panorama !== s.panoramaOpen) setPanoramaOpen(panels.panorama)
  const open = useTourStore.getState().card?.id ?? null
  if (panels.card !== open) {
    const card = panels.card ? cardById(panels.card) : null
    if (card) openCard(card)
    else closeCard()
  }
  if (Math.abs(panels.thenNow - useTourStore.getState().thenNow) > SLIDER_STEP / 2) setThenNow(panels.thenNow)
  if (panels.timeline !== useTourStore.getState().timelineSelected) selectTimelineEvent(panels.timeline)
}

/** Wires the tour to the group for scene `sceneId`; returns the cleanup (which leaves the group). */
export function startTourGroup(sceneId: string): () => void {
  const stopHandlers = setGroupHandlers({
    onStop: (stopIndex) => followGroupStop(stopIndex),
    onGather: (position, yaw) => teleportPlayer(position, yaw),
    onPanels: followGroupPanels,
  })
  // The docent's stop and panels, whenever they change, and once the group is open (it starts there).
  const stopTour = useTourStore.subscribe((s, before) => {
    if (s.tour.stopIndex !== before.tour.stopIndex) shareStop(s.tour.stopIndex)
    sharePanels(openPanels())
  })
  const stopGroup = useGroup.subscribe((g, before) => {
    if (g.role !== 'docent' || !g.code || before.code) return
    shareStop(useTourStore.getState().tour.stopIndex)
    sharePanels(openPanels())
  })
  const asked = parseGroupParam(window.location.search)
  if (asked) {
    setGroupPanelOpen(true)
    void enterGroup(sceneId, asked.open ? undefined : asked.code)
  }
  return () => {
    stopHandlers()
    stopTour()
    stopGroup()
    void leaveGroup()
  }
}
