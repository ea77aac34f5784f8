// What a spectator screen shows of an operator's or visitor's twin besides their view: the asset whose
// panel is open, whether the field sensors are shown, and the inspection route they walk (its stop, the
// results marked so far, the saved report's number). Live values come to the screen from the park's own
// feed, as to every viewer; the screen sends no commands. Readings taken at a stop stay on the device.
import { z } from 'zod'
import type { ViewMirror } from '../../platform/spectate'
import { selectAsset, type TwinUiState, useTwinUi } from './twin-store'

const Id = z.string().max(80)
const InspectionView = z.object({
  active: z.boolean(),
  index: z.number().int().min(0).max(200),
  items: z.array(z.object({ asset: Id, result: z.enum(['pass', 'fail']) })).max(200),
  saving: z.boolean(),
  savedId: z.number().int().nonnegative().nullable(),
  error: z.string().max(200).nullable(),
})
const TwinView = z.object({ selected: Id.nullable(), sensorsShown: z.boolean(), inspection: InspectionView })
type InspectionView = z.infer<typeof InspectionView>

function readInspection(i: TwinUiState['inspection']): InspectionView {
  return {
    active: i.active,
    index: i.index,
    items: i.items.map((item) => ({ asset: item.asset, result: item.result })),
    saving: i.saving,
    savedId: i.savedId,
    error: i.error?.slice(0, 200) ?? null,
  }
}

export const twinMirror: ViewMirror = {
  read: () => {
    const s = useTwinUi.getState()
    return { selected: s.selected, sensorsShown: s.sensorsShown, inspection: readInspection(s.inspection) }
  },
  apply: (raw) => {
    const parsed = TwinView.safeParse(raw)
    if (!parsed.success) return
    const view = parsed.data
    const s = useTwinUi.getState()
    if (view.selected !== s.selected) selectAsset(view.selected)
    if (view.sensorsShown !== s.sensorsShown) useTwinUi.setState({ sensorsShown: view.sensorsShown })
    // Set only when it changed: the view arrives four times a second and the card re-renders on a set.
    if (JSON.stringify(view.inspection) === JSON.stringify(readInspection(s.inspection))) return
    const { items, ...rest } = view.inspection
    useTwinUi.setState({
      inspection: {
        ...s.inspection,
        ...rest,
        items: items.map((item) => ({ ...item, readings: {}, anomalies: [], checkedAt: 0 })),
        // The report's QR on the screen points at this server's own address for the same report.
        savedLanUrl: null,
      },
    })
  },
}
