// The tour in a docent-led group (the platform's groups service): the docent's stop goes to the group,
// a following visitor is taken to it and gathered to the docent; `&group=new` opens a group and
// `&group=<code>` joins one when the tour opens. No React; the tour's entry starts it and ends it.
import {
  enterGroup,
  leaveGroup,
  parseGroupParam,
  setGroupHandlers,
  shareStop,
  useGroup,
} from '../../platform/groups'
import { teleportPlayer } from '../../platform/locomotion'
import { followGroupStop, setGroupPanelOpen, useTourStore } from './tour-store'

/** Wires the tour to the group for scene `sceneId`; returns the cleanup (which leaves the group). */
export function startTourGroup(sceneId: string): () => void {
  const stopHandlers = setGroupHandlers({
    onStop: (stopIndex) => followGroupStop(stopIndex),
    onGather: (position, yaw) => teleportPlayer(position, yaw),
  })
  // The docent's stop, whenever it changes, and once the group is open (it starts at the docent's stop).
  const stopTour = useTourStore.subscribe((s, before) => {
    if (s.tour.stopIndex !== before.tour.stopIndex) shareStop(s.tour.stopIndex)
  })
  const stopGroup = useGroup.subscribe((g, before) => {
    if (g.role === 'docent' && g.code && !before.code) shareStop(useTourStore.getState().tour.stopIndex)
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
