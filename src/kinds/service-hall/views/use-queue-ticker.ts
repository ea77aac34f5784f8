// Runs the simulated queue a few times a second and announces the visitor's number as a real hall's
// speaker would; in elderly mode the guide then sets off to the window by itself.
import { narrate } from '../../../platform/audio'
import { useFrameStage } from '../../../platform/frame'
import { usePlayer } from '../../../platform/locomotion'
import { ticketCall } from '../logic/spoken-lines'
import { advanceQueue, routeTo, useHall } from '../service-hall-store'

/** The queue changes a few times a second at most; frames in between only compare a timestamp. */
const TICK_MS = 200

export function useQueueTicker(): void {
  let last = 0
  useFrameStage('kindLogic', () => {
    const now = performance.now()
    if (now - last < TICK_MS) return
    last = now
    if (!advanceQueue(now)) return
    const { myCall, elderly } = useHall.getState()
    if (!myCall) return
    // The status panel shows the same words as the call sounds ("B030 轮到您了！请到 7 号窗口"), so no
    // subtitle repeats them: at the desk one ran over the navigator's buttons.
    void narrate({
      ...ticketCall(myCall.ticket.number, { number: myCall.windowNumber }),
      rate: elderly ? 0.75 : 1,
      subtitle: false,
    })
    if (elderly) {
      const p = usePlayer.getState().position
      routeTo({ kind: 'window', windowId: myCall.windowId }, [p[0], p[2]])
    }
  })
}
