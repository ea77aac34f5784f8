// The one ServerConfig every test and load script runs the server with: loopback, a free port, its own
// data folder and a fixed teacher code. In-process servers take it as is; spawned ones get it as
// environment variables (serverEnv), so both ways of starting a server read the same settings.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { readConfig, type ServerConfig } from '../../src/server/config'

/** The teacher code of every test server unless a test sets its own. */
export const TEST_TEACHER_CODE = '246810'
/** The operator code (twin controls, inspection reports) of every test server unless a test sets its own. */
export const TEST_OPERATOR_CODE = '975310'

/**
 * The config a test server runs with: the built app, the repo's scenes, a free local port, the given
 * data folder and a fixed teacher code; `overrides` win. Fails early when the app it should serve is
 * not built, instead of every page later showing a 404.
 */
export function testServerConfig(dataDir: string, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const config: ServerConfig = {
    ...readConfig([], {}),
    port: 0,
    host: '127.0.0.1',
    dataDir,
    // TEST_DIST_DIR: a private build, so a developer can test while others rebuild dist/ in a shared tree.
    distDir: resolve(process.env.TEST_DIST_DIR ?? 'dist'),
    scenesDir: resolve('scenes'),
    teacherCode: TEST_TEACHER_CODE,
    operatorCode: TEST_OPERATOR_CODE,
    ...overrides,
  }
  if (!existsSync(join(config.distDir, 'index.html'))) {
    throw new Error(
      `${config.distDir}/index.html is missing: run "npm run build" before the browser tests (npm test does), ` +
        'or pass distDir: emptyDistDir() when the test needs the server and not the app.',
    )
  }
  process.env.LOG_LEVEL ??= 'warn'
  return config
}

/** A dist folder with a bare index.html, for tests and load runs that need the server, not the app. */
export function emptyDistDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xr-showcase-dist-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>test</title>')
  return dir
}

/** The same config as the environment `src/server/main.ts` reads (see readConfig), for a child process. */
export function serverEnv(config: ServerConfig): Record<string, string> {
  const env: Record<string, string> = {
    PORT: String(config.port),
    HOST: config.host,
    HTTPS: config.https ? '1' : '0',
    DIST_DIR: config.distDir,
    SCENES_DIR: config.scenesDir,
    DATA_DIR: config.dataDir,
    TEACHER_CODE: config.teacherCode,
    SIMULATOR: config.simulator ? '1' : '0',
    SKIP_BUILD: config.skipBuild ? '1' : '0',
    // Empty rather than absent, so a REDIS_URL in the parent's environment cannot leak into the child.
    REDIS_URL: config.redisUrl ?? '',
    OPERATOR_CODE: config.operatorCode,
    TWIN_DEVICE_USERNAME: config.twinDevice.username,
    TWIN_MQTT_ALLOW: config.twinMqttAllow.join(','),
    TWIN_ALLOWED_ORIGINS: config.twinAllowedOrigins.join(','),
  }
  if (config.twinDevice.password !== undefined) env.TWIN_DEVICE_PASSWORD = config.twinDevice.password
  return env
}
