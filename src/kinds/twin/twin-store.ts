// What the twin's React UI re-renders on: user-visible changes only (selection, a new alert, a
// dialog, a replay toggle, the stale flag). High-frequency values stay in the runtime's buffer.
import { create } from 'zustand'
import type { DataSourceKind } from '../../platform/realtime/mqtt-data-source'
import type { TwinControlId } from '../../schema/kinds/twin'
import type { TwinAlert } from './alert-engine'

export interface InspectionItem {
  asset: string
  result: 'pass' | 'fail'
  readings: Record<string, number>
  anomalies: string[]
  checkedAt: number
}

export interface AssetBadgeState {
  color: string | null
  zh: string
  en: string
  level: number
}

export interface TwinUiState {
  sourceKind: DataSourceKind | null
  sourceLabel: string
  stale: boolean
  alerts: TwinAlert[]
  /** Per asset: rule tint, badge texts (joined, per language) and alarm level; replaced only when changed. */
  badges: Record<string, AssetBadgeState>
  selected: string | null
  confirm: { assetId: string; control: TwinControlId; value: number } | null
  replay: { active: boolean; loading: boolean; message: string | null; speed: number; playing: boolean }
  inspection: {
    active: boolean
    index: number
    startedAt: number
    items: InspectionItem[]
    saving: boolean
    savedId: number | null
    error: string | null
  }
  commandsVersion: number
  /** Field sensors in the latest batch (0: the park publishes none); changes rarely. */
  fieldSensors: number
  /** The operator's field-sensor layer switch. */
  sensorsShown: boolean
}

export const initialTwinUi = (): TwinUiState => ({
  sourceKind: null,
  sourceLabel: '',
  stale: false,
  alerts: [],
  badges: {},
  selected: null,
  confirm: null,
  replay: { active: false, loading: false, message: null, speed: 60, playing: false },
  inspection: { active: false, index: 0, startedAt: 0, items: [], saving: false, savedId: null, error: null },
  commandsVersion: 0,
  fieldSensors: 0,
  sensorsShown: true,
})

export const useTwinUi = create<TwinUiState>(initialTwinUi)
