// Asset step: serves three's decoders from our own origin so no loader reaches for a CDN:
// - Draco (public/decoders/draco/), for models authors bring from elsewhere (ours use meshopt, whose
//   decoder is bundled with the app);
// - the Basis Universal transcoder (public/decoders/basis/), for the KTX2 textures our floors and models use.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { KTX2Loader } from 'three/examples/jsm/loaders/KTX2Loader.js'
import { KTX2_WORKER_PATH } from '../../src/shared/ktx2-worker'
import { type SyncResult, syncDirectory } from './file-sync'

export const DRACO_DIR = 'public/decoders/draco'
export const BASIS_DIR = 'public/decoders/basis'

const require = createRequire(import.meta.url)

export function copyDecoders(root: string): SyncResult {
  // three's exports map hides package.json but exposes examples/jsm/*.
  const draco = syncDirectory(
    dirname(require.resolve('three/examples/jsm/libs/draco/gltf/draco_decoder.js')),
    join(root, DRACO_DIR),
  )
  const basis = syncDirectory(
    dirname(require.resolve('three/examples/jsm/libs/basis/basis_transcoder.js')),
    join(root, BASIS_DIR),
  )
  const worker = writeKtx2Worker(root)
  return {
    copied: draco.copied + basis.copied + (worker ? 1 : 0),
    unchanged: draco.unchanged + basis.unchanged + (worker ? 0 : 1),
    bytes: draco.bytes + basis.bytes,
  }
}

/**
 * The KTX2 transcoding worker as a file (src/shared/ktx2-worker.ts says why it is not a blob: worker):
 * the same script three's KTX2Loader assembles in the page, from the same parts: its constants, the
 * transcoder's wrapper and its worker function. Written only when it changed; true if it was.
 */
function writeKtx2Worker(root: string): boolean {
  const transcoder = readFileSync(
    require.resolve('three/examples/jsm/libs/basis/basis_transcoder.js'),
    'utf8',
  )
  // The statics KTX2Loader's own init() reads (@types/three does not declare them).
  const parts = KTX2Loader as unknown as Record<
    'EngineFormat' | 'EngineType' | 'TranscoderFormat' | 'BasisFormat',
    object
  > & { BasisWorker: () => void }
  const fn = parts.BasisWorker.toString()
  const body = [
    "// Written by scripts/assets/decoders.ts from three's KTX2Loader and Basis transcoder (MIT, Apache-2.0).",
    `let _EngineFormat = ${JSON.stringify(parts.EngineFormat)}`,
    `let _EngineType = ${JSON.stringify(parts.EngineType)}`,
    `let _TranscoderFormat = ${JSON.stringify(parts.TranscoderFormat)}`,
    `let _BasisFormat = ${JSON.stringify(parts.BasisFormat)}`,
    transcoder,
    fn.substring(fn.indexOf('{') + 1, fn.lastIndexOf('}')),
  ].join('\n')
  const target = join(root, 'public', KTX2_WORKER_PATH)
  if (existsSync(target) && readFileSync(target, 'utf8') === body) return false
  writeFileSync(target, body)
  return true
}
