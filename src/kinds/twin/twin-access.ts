// Who the twin viewer is on the park's broker, and the server notices that go with the connection.
// A visitor kiosk is a read-only viewer; controls and inspection reports need the operator code, asked
// for on screen when first needed, checked by the server (an MQTT login as "operator"), then kept in
// memory for this page only (never stored, never in a URL). "Leave operator mode" drops it again.
import { create } from 'zustand'
import { OPERATOR_USERNAME } from '../../shared/twin/broker-roles'
import type { TwinRuntime } from './logic/twin-runtime'

export type OperatorPromptStatus = 'typing' | 'checking' | 'refused' | 'locked' | 'unavailable'

export interface TwinAccessState {
  /** A `?mqtt=` broker the server's allowlist refused; shown in the HUD. */
  refusedBroker: string | null
  /** True once the operator code was accepted on this page. */
  operator: boolean
  /** The on-screen code prompt, when open. */
  prompt: { status: OperatorPromptStatus; draft: string } | null
}

export const useTwinAccess = create<TwinAccessState>(() => ({
  refusedBroker: null,
  operator: false,
  prompt: null,
}))

const set = useTwinAccess.setState
let code: string | null = null
let waiting: { resolve: (code: string) => void; reject: (error: Error) => void } | null = null

export function resetTwinAccess(): void {
  code = null
  waiting?.reject(new Error('closed'))
  waiting = null
  set({ refusedBroker: null, operator: false, prompt: null })
}

export function setRefusedBroker(url: string | null): void {
  set({ refusedBroker: url })
}

/** True when this source checks roles and this page is not yet the operator. */
export function needsOperator(runtime: TwinRuntime): boolean {
  return Boolean(runtime.source?.login) && code === null
}

/**
 * The operator code, asking for it on screen if needed. Resolves at once when the source has no logins
 * (the in-browser simulation) with "", rejects when the visitor cancels the prompt.
 */
export function requireOperator(runtime: TwinRuntime): Promise<string> {
  if (code !== null) return Promise.resolve(code)
  if (!runtime.source?.login) return Promise.resolve('')
  waiting?.reject(new Error('superseded'))
  set({ prompt: { status: 'typing', draft: '' } })
  return new Promise<string>((resolve, reject) => {
    waiting = { resolve, reject }
  })
}

export function setOperatorDraft(draft: string): void {
  set((s) => (s.prompt ? { prompt: { status: 'typing', draft } } : {}))
}

/** Checks the typed code with the server; on success the page is the operator and what waited goes on. */
export async function submitOperatorCode(runtime: TwinRuntime, typed: string): Promise<void> {
  const source = runtime.source
  if (!source?.login || typed.length === 0) return
  set({ prompt: { status: 'checking', draft: typed } })
  const result = await source.login(OPERATOR_USERNAME, typed)
  if (result !== 'ok') {
    set({ prompt: { status: result, draft: '' } })
    return
  }
  code = typed
  set({ operator: true, prompt: null })
  waiting?.resolve(typed)
  waiting = null
}

export function cancelOperatorPrompt(): void {
  set({ prompt: null })
  waiting?.reject(new Error('operator code needed'))
  waiting = null
}

export function leaveOperatorMode(runtime: TwinRuntime): void {
  code = null
  runtime.source?.logout?.()
  set({ operator: false })
}
