// Asset step: serves three's Draco decoder from our own origin (public/decoders/draco/) so a
// Draco-compressed model never makes GLTFLoader reach for a CDN. Our models use meshopt, whose
// decoder is bundled with the app; Draco is here for models authors bring from elsewhere.
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { type SyncResult, syncDirectory } from './file-sync'

export const DRACO_DIR = 'public/decoders/draco'

const require = createRequire(import.meta.url)

export function copyDecoders(root: string): SyncResult {
  // three's exports map hides package.json but exposes examples/jsm/*.
  const decoderDir = dirname(require.resolve('three/examples/jsm/libs/draco/gltf/draco_decoder.js'))
  return syncDirectory(decoderDir, join(root, DRACO_DIR))
}
