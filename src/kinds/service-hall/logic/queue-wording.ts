// What the ticket panel says about the wait. "前面还有 0 人，约 4 分钟" was both odd and wrong: with no
// one ahead the visitor is next, and the minutes counted a whole service for the person at the window.
import type { LocalizedText } from '../../../schema/common'

/**
 * The wait line for a ticket with `ahead` people before it (−1 once called) and the hall's estimate of
 * `minutes` for them. Nobody ahead says "you are next", with no minutes.
 */
export function queueWaitText(ahead: number, minutes: number): LocalizedText {
  if (ahead <= 0) return { zh: '下一位就是您，请留意叫号', en: "You're next: watch the call screen" }
  return {
    zh: `前面还有 ${ahead} 人，约 ${minutes} 分钟`,
    en: `${ahead} ahead, about ${minutes} min`,
  }
}
