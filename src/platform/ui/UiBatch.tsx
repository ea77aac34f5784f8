// Draws the UI under it in few calls per eye: its texts in one (text-batch.ts) and its button keys in one
// per key size (key-batch.ts). Every Panel puts its content under one; a kind wraps any other group of
// many texts with it (the hall's window signs).
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react'
import { KeyBatch } from './key-batch'
import { TextBatch } from './text-batch'

const Batches = createContext<{ texts: TextBatch; keys: KeyBatch } | null>(null)

/** The batch a UiText under a UiBatch joins; null outside one. */
export function useTextBatch(): TextBatch | null {
  return useContext(Batches)?.texts ?? null
}

/** The batch a Button's key under a UiBatch joins; null outside one. */
export function useKeyBatch(): KeyBatch | null {
  return useContext(Batches)?.keys ?? null
}

export function UiBatch({ children }: { children?: ReactNode }) {
  const [batches] = useState(() => ({ texts: new TextBatch(), keys: new KeyBatch() }))
  useEffect(
    () => () => {
      batches.texts.dispose()
      batches.keys.dispose()
    },
    [batches],
  )
  return (
    <Batches.Provider value={batches}>
      {children}
      {/* After the children, so their world matrices are this frame's when the batches read them. */}
      <primitive object={batches.keys} />
      <primitive object={batches.texts} />
    </Batches.Provider>
  )
}
