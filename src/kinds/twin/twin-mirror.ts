// What a spectator screen shows of an operator's or visitor's twin besides their view: the asset whose
// panel is open and whether the field sensors are shown. Live values come to the screen from the park's
// own feed, as to every viewer; the screen sends no commands.
import { z } from 'zod'
import type { ViewMirror } from '../../platform/spectate'
import { selectAsset, useTwinUi } from './twin-store'

const TwinView = z.object({ selected: z.string().max(80).nullable(), sensorsShown: z.boolean() })

export const twinMirror: ViewMirror = {
  read: () => {
    const s = useTwinUi.getState()
    return { selected: s.selected, sensorsShown: s.sensorsShown }
  },
  apply: (raw) => {
    const parsed = TwinView.safeParse(raw)
    if (!parsed.success) return
    if (parsed.data.selected !== useTwinUi.getState().selected) selectAsset(parsed.data.selected)
    if (parsed.data.sensorsShown !== useTwinUi.getState().sensorsShown)
      useTwinUi.setState({ sensorsShown: parsed.data.sensorsShown })
  },
}
