// Vite: React, the app version for diagnostics, and the scene folders — served live in dev and
// copied with a generated index into dist/ so a static host (no server) still has every scene.
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { listSceneIds } from './src/server/scenes/scene-folder.ts'

const scenesDir = resolve(import.meta.dirname, 'scenes')
const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as {
  version: string
}

function scenesPlugin(): Plugin {
  return {
    name: 'xr-showcase-scenes',
    configureServer(server) {
      server.middlewares.use('/scenes/index.json', (_req, res) => {
        res.setHeader('content-type', 'application/json')
        res.setHeader('cache-control', 'no-cache')
        res.end(JSON.stringify({ scenes: listSceneIds(scenesDir) }))
      })
      server.middlewares.use('/scenes/', (req, res, next) => {
        const path = resolve(scenesDir, `.${decodeURIComponent(req.url ?? '')}`.split('?')[0])
        if (!path.startsWith(scenesDir)) return next()
        try {
          res.setHeader('cache-control', 'no-cache')
          res.end(readFileSync(path))
        } catch {
          next()
        }
      })
    },
    writeBundle(options) {
      const outDir = options.dir ?? resolve(import.meta.dirname, 'dist')
      cpSync(scenesDir, resolve(outDir, 'scenes'), { recursive: true })
      writeFileSync(
        resolve(outDir, 'scenes', 'index.json'),
        JSON.stringify({ scenes: listSceneIds(scenesDir) }),
      )
    },
  }
}

/**
 * @react-three/xr can inject its own emulator (IWER plus ~5 MB of synthetic rooms). We turn it off
 * (`emulate: false`) and install IWER ourselves, so the library's copy is replaced by a stub and
 * never ships.
 */
function noLibraryEmulator(): Plugin {
  const stubId = '\0xr-showcase:no-library-emulator'
  return {
    name: 'xr-showcase-no-library-emulator',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './emulate.js' && importer?.includes('@pmndrs/xr')) return stubId
      return null
    },
    load(id) {
      if (id !== stubId) return null
      return "export function emulate() { throw new Error('The library emulator is disabled; IWER is installed by the app in development.') }"
    },
  }
}

export default defineConfig({
  plugins: [react(), scenesPlugin(), noLibraryEmulator()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    target: 'es2022',
    // The bench reads it to size each kind's own chunk.
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { host: true },
})
