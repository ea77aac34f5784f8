// Which scene folders exist: every subfolder of the scenes dir whose name is a valid id and that holds
// a scene.json. One broken entry (a dangling link, an unreadable folder, a dotfile) is skipped, never
// fatal. Shared by the server, `npm run check:scenes` and the Vite dev server.
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
// With its extension: vite.config.ts loads this file too, and Node's own loader needs it there.
import { isSceneId, type SceneId } from '../../shared/scene-id.ts'

export function listSceneIds(scenesDir: string): SceneId[] {
  let names: string[]
  try {
    names = readdirSync(scenesDir)
  } catch {
    return []
  }
  return names.filter((name) => isSceneId(name) && isSceneFolder(join(scenesDir, name))).sort()
}

function isSceneFolder(folder: string): boolean {
  try {
    return statSync(folder).isDirectory() && statSync(join(folder, 'scene.json')).isFile()
  } catch {
    return false
  }
}
