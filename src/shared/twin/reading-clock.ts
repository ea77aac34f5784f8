// The skew rule: a reading, batch, command or ack whose timestamp is too far from the receiver's clock is
// refused. One future reading must not freeze every viewer on its value (nothing newer would ever
// replace it), and an old one must not overwrite recorded history. The server applies it to every
// client publish and to what it stores and restores. (Viewers do not: a kiosk with a wrong clock would
// drop every reading, and the retained state after a restart is legitimately older.)

/** A timestamp may be this far ahead of the receiver's clock (device clocks drift a little). */
export const MAX_AHEAD_MS = 30_000
/** A timestamp may be this far behind the receiver's clock (network and broker latency, a slow device). */
export const MAX_BEHIND_MS = 120_000

/** Why a timestamp is refused, or null when it is within the skew rule. */
export function skewProblem(ts: number, now: number): string | null {
  if (ts > now + MAX_AHEAD_MS)
    return `timestamp ${Math.round((ts - now) / 1000)} s ahead of the server clock (at most ${MAX_AHEAD_MS / 1000} s)`
  if (ts < now - MAX_BEHIND_MS)
    return `timestamp ${Math.round((now - ts) / 1000)} s behind the server clock (at most ${MAX_BEHIND_MS / 1000} s)`
  return null
}
