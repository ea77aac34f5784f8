// The hall's part of visitor analytics: a task completed is the visitor's own ticket called to its window
// (what the hall is for). A call restored by a reload was counted when it happened.
import { track } from '../../platform/analytics'
import { useHall } from './service-hall-store'

export function watchHallAnalytics(scene: string): () => void {
  return useHall.subscribe((s, previous) => {
    if (s.myCall && !previous.myCall) track({ type: 'hall-task-completed', scene })
  })
}
