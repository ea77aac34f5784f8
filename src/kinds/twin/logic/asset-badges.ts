// What each asset's floating badge shows (rule tint, badge texts per language, alarm level), derived
// from the rules' looks and the alert levels each time the rules ran (about 4 Hz, never per frame).
// Unchanged assets keep their object, so only a badge that really changed re-renders.
import type { TwinAsset } from '../../../schema/kinds/twin'
import type { AssetLook } from '../../../shared/twin/visual-rules'

export interface AssetBadgeState {
  color: string | null
  zh: string
  en: string
  level: number
}

export function badgeOf(look: AssetLook | undefined, level: number): AssetBadgeState {
  return {
    color: look?.color ?? null,
    zh: look?.badges.map((b) => b.zh).join(' · ') ?? '',
    en: look?.badges.map((b) => b.en || b.zh).join(' · ') ?? '',
    level,
  }
}

const sameBadge = (a: AssetBadgeState | undefined, b: AssetBadgeState) =>
  a !== undefined && a.color === b.color && a.zh === b.zh && a.en === b.en && a.level === b.level

/**
 * The badges for every asset, or `previous` itself when none changed (so a store update can be skipped
 * by an identity check). Changed assets get a new object; the others keep theirs.
 */
export function nextBadges(
  assets: readonly TwinAsset[],
  looks: ReadonlyMap<string, AssetLook>,
  levelOf: (assetId: string) => number,
  previous: Readonly<Record<string, AssetBadgeState>>,
): Readonly<Record<string, AssetBadgeState>> {
  let next: Record<string, AssetBadgeState> | null = null
  for (const asset of assets) {
    const badge = badgeOf(looks.get(asset.id), levelOf(asset.id))
    if (sameBadge(previous[asset.id], badge)) continue
    next ??= { ...previous }
    next[asset.id] = badge
  }
  return next ?? previous
}
