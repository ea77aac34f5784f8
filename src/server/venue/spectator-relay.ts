// Who watches which device on the spectator big screens: a spectator watches one device at a time, a
// device may have several watchers. Pure bookkeeping (the venue room sends the messages), so the rule
// that a device streams only while someone watches it is unit-tested: `watch` and `forget` say which
// devices just gained their first watcher or lost their last.
export interface WatchChange {
  /** Devices that now have a watcher and had none. */
  started: string[]
  /** Devices that had watchers and now have none. */
  ended: string[]
}

export class SpectatorRelay {
  /** The device each spectator session watches. */
  private readonly watching = new Map<string, string>()
  /** The spectator sessions watching each device. */
  private readonly watchers = new Map<string, Set<string>>()

  /** Spectator `session` watches `deviceId` now (null: nothing). */
  watch(session: string, deviceId: string | null): WatchChange {
    const change: WatchChange = { started: [], ended: [] }
    const before = this.watching.get(session)
    if (before === (deviceId ?? undefined)) return change
    if (before !== undefined) this.unwatch(session, before, change)
    if (deviceId !== null) {
      this.watching.set(session, deviceId)
      let set = this.watchers.get(deviceId)
      if (!set) {
        set = new Set()
        this.watchers.set(deviceId, set)
        change.started.push(deviceId)
      }
      set.add(session)
    }
    return change
  }

  /** The spectator left. */
  forget(session: string): WatchChange {
    return this.watch(session, null)
  }

  /** The device `session` watches, if any. */
  watchedBy(session: string): string | undefined {
    return this.watching.get(session)
  }

  watchersOf(deviceId: string): readonly string[] {
    return [...(this.watchers.get(deviceId) ?? [])]
  }

  isWatched(deviceId: string): boolean {
    return this.watchers.has(deviceId)
  }

  private unwatch(session: string, deviceId: string, change: WatchChange) {
    this.watching.delete(session)
    const set = this.watchers.get(deviceId)
    if (!set) return
    set.delete(session)
    if (set.size === 0) {
      this.watchers.delete(deviceId)
      change.ended.push(deviceId)
    }
  }
}
