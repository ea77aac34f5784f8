// Hands the one TwinRuntime of the open scene to the kind's components.
import { createContext, useContext } from 'react'
import type { TwinRuntime } from '../logic/twin-runtime'

export const TwinRuntimeContext = createContext<TwinRuntime | null>(null)

export function useTwinRuntime(): TwinRuntime {
  const runtime = useContext(TwinRuntimeContext)
  if (!runtime) throw new Error('useTwinRuntime outside the twin experience')
  return runtime
}
