// Desktop typing into 3D fields: a hidden DOM <input> takes the keystrokes, so the system IME works and
// Chinese can be typed too. The 3D field shows the value; focusing it again after a canvas click.
import { useEffect, useMemo, useRef } from 'react'

export function useDesktopTyping(
  active: boolean,
  value: string,
  onChange: (value: string) => void,
  onEnter: () => void,
): { focus(): void } {
  const input = useRef<HTMLInputElement | null>(null)
  const handlers = useRef({ onChange, onEnter })
  handlers.current = { onChange, onEnter }
  useEffect(() => {
    if (!active) return
    const el = document.createElement('input')
    el.type = 'text'
    el.setAttribute('aria-label', 'question')
    el.dataset.serviceHall = 'typing'
    // Off-screen but focusable: the IME candidate window still appears near it.
    Object.assign(el.style, {
      position: 'fixed',
      left: '8px',
      bottom: '8px',
      width: '1px',
      height: '1px',
      opacity: '0',
    })
    el.addEventListener('input', () => handlers.current.onChange(el.value))
    el.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.isComposing) handlers.current.onEnter()
    })
    document.body.appendChild(el)
    input.current = el
    return () => {
      el.remove()
      input.current = null
    }
  }, [active])
  useEffect(() => {
    if (input.current && input.current.value !== value) input.current.value = value
  }, [value])
  return useMemo(
    () => ({
      focus() {
        input.current?.focus({ preventScroll: true })
      },
    }),
    [],
  )
}
