// The hook meshes use to show a surface texture: the page's one shared copy (shared-textures.ts), a KTX2
// file loaded from this origin (the service worker keeps /textures/ for offline use), held while the
// caller is mounted.
import { useThree } from '@react-three/fiber'
import { use, useEffect } from 'react'
import type { Texture } from 'three'
import type { KTX2Loader } from 'three/examples/jsm/loaders/KTX2Loader.js'
import { useKtx2Loader } from './ktx2-loader'
import { SharedTextures } from './shared-textures'
import { type SurfaceTextureName, surfaceTextureUrl } from './surface-textures'

/** Enough to keep a floor crisp at a glancing angle; more costs bandwidth on a mobile GPU for little. */
const ANISOTROPY = 4

/** Set by the first hook call, which has the renderer; loads start only from a hook call. */
let loader: KTX2Loader | null = null
const surfaceTextures = new SharedTextures<SurfaceTextureName>((name) =>
  (loader as KTX2Loader).loadAsync(surfaceTextureUrl(name)).then((texture) => {
    texture.name = `surface:${name}`
    return texture
  }),
)

/** The page's shared texture `name` (suspends until it has loaded; null if it cannot be). */
export function useSurfaceTexture(name: SurfaceTextureName): Texture | null {
  loader = useKtx2Loader()
  const texture = use(surfaceTextures.loaded(name))
  const maxAnisotropy = useThree((s) => s.gl.capabilities.getMaxAnisotropy())
  if (texture) texture.anisotropy = Math.min(ANISOTROPY, maxAnisotropy)
  useEffect(() => {
    surfaceTextures.retain(name)
    return () => surfaceTextures.release(name)
  }, [name])
  return texture
}
