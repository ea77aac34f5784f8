// The page's surface textures, one Texture per name, shared by every mesh that shows it: loaded once,
// counted while meshes use it, and its GPU copy freed when the last one lets go (a kiosk cycles scenes
// all day on one page). The image stays in memory, so three uploads it again if a later scene needs it.
import { RepeatWrapping, SRGBColorSpace, type Texture } from 'three'

interface Entry {
  /** Settles once: the texture, or null when it could not be loaded (the surface then stays flat). */
  loaded: Promise<Texture | null>
  texture: Texture | null
  users: number
}

export class SharedTextures<Name extends string> {
  private readonly entries = new Map<Name, Entry>()

  constructor(
    /** Fetches and decodes one texture (rejects when it cannot). */
    private readonly load: (name: Name) => Promise<Texture>,
    private readonly warn: (message: string) => void = console.warn,
  ) {}

  /** The texture `name`, loaded on first ask; the same promise every time after. */
  loaded(name: Name): Promise<Texture | null> {
    return this.entryOf(name).loaded
  }

  /** A mesh starts showing `name`. */
  retain(name: Name): void {
    this.entryOf(name).users++
  }

  /** A mesh stops showing `name`; the last one frees its GPU copy. */
  release(name: Name): void {
    const entry = this.entryOf(name)
    entry.users = Math.max(0, entry.users - 1)
    if (entry.users === 0) entry.texture?.dispose()
  }

  /** How many meshes show `name` now. */
  users(name: Name): number {
    return this.entries.get(name)?.users ?? 0
  }

  private entryOf(name: Name): Entry {
    let entry = this.entries.get(name)
    if (!entry) {
      const created: Entry = { users: 0, texture: null, loaded: Promise.resolve(null) }
      created.loaded = this.load(name).then(
        (texture) => {
          created.texture = configureSurfaceTexture(texture)
          return texture
        },
        (error: unknown) => {
          this.warn(`Surface texture "${name}" could not be loaded: ${(error as Error)?.message ?? error}`)
          return null
        },
      )
      entry = created
      this.entries.set(name, entry)
    }
    return entry
  }
}

/** Colour data in sRGB, repeating (UVs count tiles), rows counted from the image's top like glTF's and the tones' UVs. */
export function configureSurfaceTexture(texture: Texture): Texture {
  texture.colorSpace = SRGBColorSpace
  texture.wrapS = RepeatWrapping
  texture.wrapT = RepeatWrapping
  texture.flipY = false
  return texture
}
