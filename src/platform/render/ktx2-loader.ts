// The page's one KTX2Loader, for the KTX2 textures the asset build writes (floors, roads and walls from
// /textures/, and the textures models embed through KHR_texture_basisu). It transcodes to what this GPU
// keeps compressed (ETC2 on a Quest, BC7 or BC1 on a desktop) with the Basis transcoder this server ships, never a
// CDN's. One loader, so its workers and transcoder are started once per page.
import { useThree } from '@react-three/fiber'
import type { WebGLRenderer } from 'three'
import { KTX2Loader } from 'three/examples/jsm/loaders/KTX2Loader.js'
import { KTX2_WORKER_PATH } from '../../shared/ktx2-worker'

const TRANSCODER_PATH = `${import.meta.env.BASE_URL}decoders/basis/`
/** Two transcoding workers: a standalone headset's cores are shared with the page and the compositor. */
const WORKERS = 2

/**
 * three's loader, with its workers started from the script this server serves instead of the blob: URL it
 * builds from the same parts: the transcoder needs `new Function`, which the app's policy refuses to a blob:
 * worker (src/shared/ktx2-worker.ts). The handshake is three's own: the worker's first message is `init`
 * with the detected formats and the transcoder's WebAssembly.
 */
class SameOriginKTX2Loader extends KTX2Loader {
  private ready: Promise<void> | null = null

  override init(): Promise<void> {
    this.ready ??= super.init().then(() => {
      this.workerPool.setWorkerCreator(() => {
        const worker = new Worker(KTX2_WORKER_PATH)
        const transcoderBinary = (this.transcoderBinary as ArrayBuffer).slice(0)
        worker.postMessage({ type: 'init', config: this.workerConfig, transcoderBinary }, [transcoderBinary])
        return worker
      })
    })
    return this.ready
  }
}

let loader: KTX2Loader | null = null

/** The loader, set up for `renderer`'s formats on first use (a page has one renderer). */
export function ktx2Loader(renderer: WebGLRenderer): KTX2Loader {
  if (!loader)
    loader = new SameOriginKTX2Loader()
      .setTranscoderPath(TRANSCODER_PATH)
      .setWorkerLimit(WORKERS)
      .detectSupport(renderer)
  return loader
}

/** The loader, for a component inside the canvas. */
export function useKtx2Loader(): KTX2Loader {
  return ktx2Loader(useThree((s) => s.gl))
}
