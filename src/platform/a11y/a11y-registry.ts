// Registry of the interactive 3D objects on screen (label + action), so a DOM mirror can expose them to
// keyboards and screen readers: the equivalent of @react-three/a11y, which does not support R3F 9.
import { useEffect, useId, useRef } from 'react'
import { create } from 'zustand'

export interface A11yTarget {
  id: string
  label: string
  disabled: boolean
  press(): void
}

interface A11yRegistryState {
  targets: A11yTarget[]
}

export const useA11yRegistry = create<A11yRegistryState>(() => ({ targets: [] }))

export function registerA11yTarget(target: A11yTarget): () => void {
  useA11yRegistry.setState((s) => ({ targets: [...s.targets.filter((t) => t.id !== target.id), target] }))
  return () => useA11yRegistry.setState((s) => ({ targets: s.targets.filter((t) => t.id !== target.id) }))
}

/**
 * Registers a 3D control while it is mounted. The latest onPress is always the one called, without
 * re-registering on every render; objects without a label or action are not announced.
 */
export function useA11yTarget(label: string, onPress: (() => void) | undefined, disabled = false): void {
  const id = useId()
  const action = useRef(onPress)
  action.current = onPress
  const hasAction = onPress !== undefined
  useEffect(() => {
    if (!label || !hasAction) return
    return registerA11yTarget({ id, label, disabled, press: () => action.current?.() })
  }, [id, label, disabled, hasAction])
}
