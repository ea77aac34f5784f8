// Which part of the plan the guidance desk shows (the matters or the checklist) and which page of it.
// Not part of the visit's saved state: after a reload the desk opens on the checklist's first page.
import { create } from 'zustand'

export type PlanTab = 'checklist' | 'matters'

interface DeskPageState {
  tab: PlanTab
  page: number
}

export const useDeskPage = create<DeskPageState>(() => ({ tab: 'checklist', page: 0 }))

export function showPlanTab(tab: PlanTab): void {
  useDeskPage.setState({ tab, page: 0 })
}

export function showPlanPage(page: number): void {
  useDeskPage.setState({ page: Math.max(0, page) })
}
