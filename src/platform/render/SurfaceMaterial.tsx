// The material of a floor, road, lawn or wall a kind or the environment draws: matte, its colour from
// the geometry's vertices (painted by ColoredGeometryBatch with the same surface texture, which also
// gave it UVs), times the shared surface texture. Vertex colours and a map are what the textured models'
// materials have too, so these surfaces reuse their shader program instead of compiling another.
import { useEffect, useMemo } from 'react'
import { MeshStandardMaterial } from 'three'
import { SURFACE_TEXTURE_KEY, SURFACE_TEXTURE_TONES, type SurfaceTextureName } from './surface-textures'
import { useSurfaceTexture } from './use-surface-texture'

export function SurfaceMaterial({
  texture: name,
  roughness = 0.9,
  metalness = 0,
}: {
  texture: SurfaceTextureName
  /** Matte by default; at 0.35 or below the surface would be glossy and take the reflection map. */
  roughness?: number
  metalness?: number
}) {
  const map = useSurfaceTexture(name)
  const material = useMemo(() => {
    const m = new MeshStandardMaterial({ vertexColors: true, map, roughness, metalness })
    // Without its texture (it failed to load) the colours, divided by its mean, are multiplied back.
    if (!map) m.color.setRGB(...SURFACE_TEXTURE_TONES[name].mean)
    m.userData[SURFACE_TEXTURE_KEY] = name
    return m
  }, [map, name, roughness, metalness])
  useEffect(() => () => material.dispose(), [material])
  return <primitive object={material} attach="material" />
}
