// One materials checklist for several matters: each material once, with the matters that need it, and a
// note when another matter in the same plan hands it out (营业执照 from 企业开办). Also its plain-text form.
import type { LocalizedText } from '../../../schema/common'
import type { Matter, ServiceHallContent } from '../../../schema/kinds/service-hall'

export interface ChecklistItem {
  materialId: string
  name: LocalizedText
  note?: LocalizedText
  /** Matters in this plan that ask for it, in plan order. */
  neededBy: string[]
  /** A matter in this plan that issues it, so the visitor gets it on the way rather than bringing it. */
  producedBy?: string
}

export interface Checklist {
  matters: Matter[]
  items: ChecklistItem[]
}

type Lang = 'zh' | 'en'
type Catalogue = Pick<ServiceHallContent, 'matters' | 'materials'>

export function mergeChecklist(catalogue: Catalogue, matterIds: readonly string[]): Checklist {
  const matters = matterIds
    .map((id) => catalogue.matters.find((m) => m.id === id))
    .filter((m): m is Matter => m !== undefined)
  const items = new Map<string, ChecklistItem>()
  for (const matter of matters) {
    for (const materialId of matter.materials) {
      const material = catalogue.materials.find((m) => m.id === materialId)
      if (!material) continue
      const item = items.get(materialId) ?? {
        materialId,
        name: material.name,
        note: material.note,
        neededBy: [],
      }
      item.neededBy.push(matter.id)
      items.set(materialId, item)
    }
  }
  for (const matter of matters) {
    for (const materialId of matter.produces) {
      const item = items.get(materialId)
      // Only when the issuing matter comes before a matter that needs it is it "got on the way".
      if (item && !item.neededBy.every((id) => id === matter.id)) item.producedBy ??= matter.id
    }
  }
  return { matters, items: [...items.values()] }
}

/** Flips one item's tick; returns a new set so React state stays immutable. */
export function toggleTick(ticked: ReadonlySet<string>, materialId: string): Set<string> {
  const next = new Set(ticked)
  if (next.has(materialId)) next.delete(materialId)
  else next.add(materialId)
  return next
}

function pick(text: LocalizedText, lang: Lang): string {
  return (lang === 'en' && text.en) || text.zh
}

/** The checklist as plain text: what the take-away QR code carries and the printable page shows. */
export function checklistText(
  checklist: Checklist,
  lang: Lang,
  options: {
    title?: LocalizedText
    windows?: Map<string, number>
    ticket?: string
    ticked?: ReadonlySet<string>
  } = {},
): string {
  const zh = lang === 'zh'
  const lines: string[] = []
  if (options.title) lines.push(pick(options.title, lang))
  if (options.ticket) lines.push(`${zh ? '排队号' : 'Ticket'}: ${options.ticket}`)
  lines.push(zh ? '【办理事项】' : '[Matters]')
  checklist.matters.forEach((m, i) => {
    const numbers = m.windows.map((w) => options.windows?.get(w)).filter((n) => n !== undefined)
    const where = numbers.length
      ? zh
        ? ` → ${numbers.join('/')}号窗口`
        : ` → window ${numbers.join('/')}`
      : ''
    lines.push(`${i + 1}. ${pick(m.name, lang)}${where}`)
  })
  lines.push(zh ? '【携带材料】' : '[Bring]')
  for (const item of checklist.items) {
    const box = options.ticked?.has(item.materialId) ? '[x]' : '[ ]'
    const note = item.note ? (zh ? `（${pick(item.note, lang)}）` : ` (${pick(item.note, lang)})`) : ''
    const produced = item.producedBy ? (zh ? ' *办理中取得' : ' *issued on the way') : ''
    lines.push(`${box} ${pick(item.name, lang)}${note}${produced}`)
  }
  return lines.join('\n')
}

/**
 * Puts a plan in the order to do it: a matter that issues something (营业执照) before the matters that
 * need it; otherwise the order given is kept.
 */
export function orderPlan(catalogue: Catalogue, matterIds: readonly string[]): string[] {
  const byId = new Map(catalogue.matters.map((m) => [m.id, m]))
  const ids = matterIds.filter((id) => byId.has(id))
  const needs = (a: string, b: string) => {
    // true when a needs something b issues
    const ma = byId.get(a)
    const mb = byId.get(b)
    return !!ma && !!mb && mb.produces.some((p) => ma.materials.includes(p))
  }
  const out: string[] = []
  const place = (id: string, trail: Set<string>) => {
    if (out.includes(id) || trail.has(id)) return
    trail.add(id)
    for (const other of ids) if (other !== id && needs(id, other)) place(other, trail)
    out.push(id)
  }
  for (const id of ids) place(id, new Set())
  return out
}
