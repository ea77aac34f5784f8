// A flat group of panels drawn, in a headset, as one quad that is re-rendered only when it changes
// (flat-layer.ts). View slots and dashboard slots wrap their content in it; inside another one it is a
// plain fragment, so only the outermost layer renders.
import { useThree } from '@react-three/fiber'
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react'
import { attachLayer, FlatLayer } from './flat-layer'

const InLayer = createContext(false)

export function FlatLayerGroup({ children }: { children?: ReactNode }) {
  const nested = useContext(InLayer)
  const scene = useThree((s) => s.scene)
  const [layer] = useState(() => (nested ? null : new FlatLayer()))
  useEffect(() => (layer ? attachLayer(scene, layer) : undefined), [scene, layer])
  useEffect(() => () => layer?.dispose(), [layer])
  if (!layer) return <>{children}</>
  return (
    <InLayer.Provider value={true}>
      <primitive object={layer.content}>{children}</primitive>
      <primitive object={layer.quad} />
    </InLayer.Provider>
  )
}
