// The staff's way out of kiosk mode: a long press on the screen's top-left corner (long-press.ts)
// opens a small prompt for the operator code; the server checks it (staff-api.ts), and a right code
// leaves kiosk mode for this page (the address drops `kiosk`, fullscreen ends). Visitors see nothing
// of it: the corner has no mark, and a tap there is just a tap.
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useLocalize } from '../i18n'
import { useRoute } from '../url/route-store'
import { kioskDebug } from './kiosk-state'
import { kioskStrings as s } from './kiosk-strings'
import { createLongPress } from './long-press'
import { verifyOperatorCode } from './staff-api'
import './kiosk.css'

/** How long staff hold the top-left corner to open the prompt. */
export const STAFF_HOLD_MS = 3000
/** An open prompt nobody uses closes after this long, so a visitor never finds it left open. */
const PROMPT_IDLE_MS = 30_000

type PromptState =
  | { status: 'open' | 'checking' | 'wrong' | 'failed' }
  | { status: 'locked'; seconds: number }

export function StaffExit() {
  const kiosk = useRoute((r) => r.kiosk)
  const [prompt, setPrompt] = useState<PromptState | null>(null)
  useEffect(() => {
    if (!kiosk) return
    const press = createLongPress({ holdMs: STAFF_HOLD_MS })
    let timer: ReturnType<typeof setTimeout> | undefined
    const down = (e: PointerEvent) => {
      clearTimeout(timer)
      if (!press.down(e.pointerId, e.clientX, e.clientY, performance.now())) return
      // A little after the hold time, so the check finds it passed.
      timer = setTimeout(() => {
        if (press.check(performance.now())) setPrompt({ status: 'open' })
      }, STAFF_HOLD_MS + 50)
    }
    const move = (e: PointerEvent) => press.move(e.pointerId, e.clientX, e.clientY)
    const up = (e: PointerEvent) => press.up(e.pointerId)
    window.addEventListener('pointerdown', down, { capture: true })
    window.addEventListener('pointermove', move, { capture: true, passive: true })
    window.addEventListener('pointerup', up, { capture: true })
    window.addEventListener('pointercancel', up, { capture: true })
    return () => {
      clearTimeout(timer)
      window.removeEventListener('pointerdown', down, { capture: true })
      window.removeEventListener('pointermove', move, { capture: true })
      window.removeEventListener('pointerup', up, { capture: true })
      window.removeEventListener('pointercancel', up, { capture: true })
      setPrompt(null)
    }
  }, [kiosk])
  useEffect(() => {
    kioskDebug.staffPrompt = prompt?.status ?? 'closed'
  }, [prompt])
  if (!kiosk || !prompt) return null
  return <StaffPrompt state={prompt} setState={setPrompt} />
}

function StaffPrompt({ state, setState }: { state: PromptState; setState(next: PromptState | null): void }) {
  const l = useLocalize()
  const input = useRef<HTMLInputElement>(null)
  const [code, setCode] = useState('')
  useEffect(() => input.current?.focus(), [])
  // Closes by itself when left alone; each keystroke or answer restarts the wait.
  // biome-ignore lint/correctness/useExhaustiveDependencies: restarts on every change of code or state
  useEffect(() => {
    const timer = setTimeout(() => setState(null), PROMPT_IDLE_MS)
    return () => clearTimeout(timer)
  }, [code, state, setState])
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!code || state.status === 'checking') return
    setState({ status: 'checking' })
    const answer = await verifyOperatorCode(code)
    if (answer.ok) {
      setState(null)
      useRoute.getState().replace({ kiosk: false, kioskIdleSeconds: undefined })
      return
    }
    setCode('')
    input.current?.focus()
    setState(
      answer.reason === 'locked'
        ? { status: 'locked', seconds: answer.retryAfterSeconds }
        : { status: answer.reason },
    )
  }
  const message =
    state.status === 'wrong'
      ? l(s.staffWrong)
      : state.status === 'locked'
        ? l(s.staffLocked).replace('{seconds}', String(state.seconds))
        : state.status === 'failed'
          ? l(s.staffFailed)
          : state.status === 'checking'
            ? l(s.staffChecking)
            : ''
  const error = state.status === 'wrong' || state.status === 'locked' || state.status === 'failed'
  return (
    <div className="staff-exit" data-testid="staff-exit">
      <form
        className="staff-exit-card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="staff-exit-title"
        onSubmit={submit}
        // The code's keys are the prompt's: no page shortcut (the first-time help's any-key) takes them.
        onKeyDown={(e) => e.stopPropagation()}
      >
        <h2 id="staff-exit-title">{l(s.staffTitle)}</h2>
        <p>{l(s.staffHint)}</p>
        <label htmlFor="staff-exit-code">{l(s.staffCode)}</label>
        <input
          id="staff-exit-code"
          ref={input}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <p
          className={`staff-exit-message${error ? ' staff-exit-error' : ''}`}
          role={error ? 'alert' : 'status'}
        >
          {message}
        </p>
        <div className="staff-exit-actions">
          <button type="button" className="btn" onClick={() => setState(null)}>
            {l(s.staffCancel)}
          </button>
          <button type="submit" className="btn btn-primary" disabled={!code || state.status === 'checking'}>
            {l(s.staffSubmit)}
          </button>
        </div>
      </form>
    </div>
  )
}
