// Server module for docent-led tour groups: the group room type on the process's shared Colyseus host.
// A group is opened by its docent for a tour scene and lives while the docent does; nothing is stored.
import { matchMaker } from '@colyseus/core'
import { TOUR_GROUP_ROOM } from '../../shared/groups/group-messages'
import { voiceConfigFor } from '../../shared/voice/voice-signals'
import { joinColyseusHost } from '../colyseus/colyseus-host'
import type { ServerContext, ServerModule } from '../module'
import { createGroupRoom } from './group-room'

/** Groups open at once at most, across the server (a venue runs a handful). */
export const MAX_GROUPS = 50

export async function createGroupModule(ctx: ServerContext): Promise<ServerModule> {
  const colyseus = joinColyseusHost(ctx)
  matchMaker.defineRoomType(
    TOUR_GROUP_ROOM,
    createGroupRoom({
      tourStops(scene) {
        const read = ctx.scenes.read(scene)
        return read.ok && read.scene.kind === 'tour' ? read.scene.tour.stops.length : undefined
      },
      openGroups: new Set(),
      maxGroups: MAX_GROUPS,
      log: ctx.log,
      voice: voiceConfigFor(ctx.config.voiceSfuUrl),
    }),
  )
  return {
    name: 'groups',
    register: (app) => colyseus.register(app),
    handleUpgrade: colyseus.handleUpgrade,
    start: () => colyseus.start(),
    close: () => colyseus.close(),
  }
}
