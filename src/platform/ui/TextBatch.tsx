// Puts the texts under it in one draw call per eye (see text-batch.ts). Panels use it for their own
// texts; a kind wraps any other group of many texts with it (a hall's window signs).
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react'
import { TextBatch as Batch } from './text-batch'

const TextBatchContext = createContext<Batch | null>(null)

/** The batch a UiText under a TextBatch joins; null outside one. */
export function useTextBatch(): Batch | null {
  return useContext(TextBatchContext)
}

export function TextBatch({ children }: { children?: ReactNode }) {
  const [batch] = useState(() => new Batch())
  useEffect(() => () => batch.dispose(), [batch])
  return (
    <TextBatchContext.Provider value={batch}>
      {children}
      {/* After the children, so their world matrices are this frame's when the batch's are updated. */}
      <primitive object={batch} />
    </TextBatchContext.Provider>
  )
}
