// The spectator screen's part of the 3D stage, in place of the visitor's rig: the camera that follows
// the watched visitor, their rays and hands, and a stage that speaks no narration of its own (the
// subtitle is the visitor's, from the view mirror).
import { useEffect } from 'react'
import { setNarrationSilent } from '../audio/narration'
import { SpectatorCamera } from './SpectatorCamera'
import { SpectatorVisitor } from './SpectatorVisitor'

export function SpectatorStage() {
  useEffect(() => {
    setNarrationSilent(true)
    return () => setNarrationSilent(false)
  }, [])
  return (
    <>
      <SpectatorCamera />
      <SpectatorVisitor />
    </>
  )
}
