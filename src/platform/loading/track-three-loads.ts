// Feeds three.js loads into the scene's load progress: every loader on DefaultLoadingManager (glTF,
// textures, panoramas, audio buffers) starts and ends an item, so image loads that are not fetches
// count too. Installed once by the 3D stage.
import { DefaultLoadingManager } from 'three'
import { itemDone, trackItem } from './load-progress'

let installed = false

export function trackThreeLoads(): void {
  if (installed) return
  installed = true
  const manager = DefaultLoadingManager
  const start = manager.itemStart.bind(manager)
  const end = manager.itemEnd.bind(manager)
  const error = manager.itemError.bind(manager)
  manager.itemStart = (url: string) => {
    if (!url.startsWith('data:') && !url.startsWith('blob:')) trackItem(url)
    start(url)
  }
  manager.itemEnd = (url: string) => {
    itemDone(url)
    end(url)
  }
  manager.itemError = (url: string) => {
    itemDone(url)
    error(url)
  }
}
