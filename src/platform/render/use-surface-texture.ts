// The hook meshes use to show a surface texture: the page's one shared copy (shared-textures.ts), loaded
// from this origin (the service worker keeps /textures/ for offline use), held while the caller is mounted.
import { useThree } from '@react-three/fiber'
import { use, useEffect } from 'react'
import { type Texture, TextureLoader } from 'three'
import { SharedTextures } from './shared-textures'
import { type SurfaceTextureName, surfaceTextureUrl } from './surface-textures'

/** Enough to keep a floor crisp at a glancing angle; more costs bandwidth on a mobile GPU for little. */
const ANISOTROPY = 4

const loader = new TextureLoader()
const surfaceTextures = new SharedTextures<SurfaceTextureName>((name) =>
  loader.loadAsync(surfaceTextureUrl(name)).then((texture) => {
    texture.name = `surface:${name}`
    return texture
  }),
)

/** The page's shared texture `name` (suspends until it has loaded; null if it cannot be). */
export function useSurfaceTexture(name: SurfaceTextureName): Texture | null {
  const texture = use(surfaceTextures.loaded(name))
  const maxAnisotropy = useThree((s) => s.gl.capabilities.getMaxAnisotropy())
  if (texture) texture.anisotropy = Math.min(ANISOTROPY, maxAnisotropy)
  useEffect(() => {
    surfaceTextures.retain(name)
    return () => surfaceTextures.release(name)
  }, [name])
  return texture
}
