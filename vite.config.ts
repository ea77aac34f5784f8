// Vite: React, the app version for diagnostics, and the scene folders — served live in dev and
// copied with a generated index into dist/ so a static host (no server) still has every scene.
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
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

/**
 * Installable and offline (Workbox, generateSW). The service worker precaches only the app shell (HTML,
 * JS, CSS, the Chinese font); everything else is cached as it is first used, so a device keeps what it
 * has shown through a server or Wi-Fi outage without every page load downloading 13 MB of narration
 * and all 33 MB of controller profiles: a headset caches its own profile only. Scene data and the
 * the scene folders (scene.json, narration index, a venue's recordings) try the network first (edited
 * live) and fall back to the cache. A new
 * deploy waits until the visitor or staff accept the update prompt (`registerType: 'prompt'`).
 */
function offlinePlugin() {
  const ONE_YEAR = 365 * 24 * 3600
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    manifest: {
      name: 'XR Showcase · XR 展示平台',
      short_name: 'XR 展示',
      description: '沉浸式 WebXR 展示平台 · An immersive WebXR showcase',
      lang: 'zh-CN',
      start_url: '/',
      display: 'fullscreen',
      background_color: '#14161a',
      theme_color: '#c8102e',
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
      ],
    },
    workbox: {
      globPatterns: [
        'index.html',
        'assets/*.{js,css}',
        'fonts/fonts.css',
        'fonts/*.woff*',
        'zod-jitless.js',
        // The lobby's cards, so the lobby is whole offline even for scenes not yet visited.
        'scenes/*/thumbnail.{jpg,png,svg,webp}',
        // Every scene's own files, so a scene never opened on this device opens in an outage too (about
        // 20 MB, most of it the synthesised narration). Not the controller profiles: of their 19 MB a
        // device needs only its own, kept when its session first loads it (runtime cache below).
        'models/**/*',
        'textures/**/*',
        'images/**/*',
        'panoramas/**/*',
        'audio/**/*',
        'decoders/**/*',
      ],
      // The narration build's per-file timings: its cache for the next build, folded into each scene's index,
      // which the server reads; no page fetches them.
      globIgnores: ['audio/**/*.json'],
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      // The first visit's own downloads are kept too: the worker takes the page over as soon as it runs.
      clientsClaim: true,
      navigateFallback: 'index.html',
      navigateFallbackDenylist: [/^\/api\//, /^\/healthz/, /^\/scenes\//, /^\/twin\//, /^\/classroom\//],
      runtimeCaching: [
        {
          // Scene folders are edited live (scene.json, a venue's recordings): the network first.
          urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/scenes/'),
          handler: 'NetworkFirst',
          options: { cacheName: 'scene-data', networkTimeoutSeconds: 4 },
        },
        {
          urlPattern: ({ url, sameOrigin }) =>
            sameOrigin &&
            /^\/(models|textures|audio|images|panoramas|fonts|decoders|input-profiles|icons)\//.test(
              url.pathname,
            ),
          handler: 'CacheFirst',
          options: {
            cacheName: 'scene-assets',
            // Narration and models are immutable by name (a content hash) or change only on a deploy.
            expiration: { maxAgeSeconds: ONE_YEAR, maxEntries: 2000 },
            cacheableResponse: { statuses: [200] },
          },
        },
      ],
    },
  })
}

export default defineConfig({
  plugins: [react(), scenesPlugin(), noLibraryEmulator(), offlinePlugin()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    target: 'es2022',
    // The bench reads it to size each kind's own chunk.
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { host: true },
})
