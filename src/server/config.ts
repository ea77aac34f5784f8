// Server settings from the command line and environment, with the defaults a venue laptop needs.
import { randomInt } from 'node:crypto'
import { resolve } from 'node:path'

export interface ServerConfig {
  /** TCP port for HTTP(S), MQTT-over-WebSocket and multiplayer. Default 8080 (`PORT`). */
  port: number
  /** Interface to bind. Default all interfaces so headsets on the LAN can connect (`HOST`). */
  host: string
  /** Serve HTTPS with a self-signed certificate kept in `dataDir`. Default off (`--https` or `HTTPS=1`). */
  https: boolean
  /** Built app to serve. Default `dist/`. */
  distDir: string
  /** Scene folders, served live at /scenes/ so authors add a scene without a rebuild. Default `scenes/` (`SCENES_DIR`). */
  scenesDir: string
  /** Where the database file and certificate live. Default `data/` (`DATA_DIR`). */
  dataDir: string
  /** Code the teacher enters to join as teacher. Default random 6 digits, printed at start (`TEACHER_CODE`). */
  teacherCode: string
  /** Redis URL for running several server processes as one (`REDIS_URL`). Default none: one process. */
  redisUrl?: string
  /** Run the twin park simulator. Default on (`SIMULATOR=0` turns it off). */
  simulator: boolean
  /**
   * Extra origins the app may connect to, added to the CSP's connect-src, e.g. an external MQTT broker
   * `wss://broker.venue.lan:8084` (`CSP_CONNECT_SRC`, space-separated). Default none: only this server.
   */
  cspConnectSrc: string[]
  /** Start without building even if dist/ is missing or stale (`--no-build`). */
  skipBuild: boolean
  /**
   * Code a twin operator enters to steer the park (HVAC and other controls) and to save inspection
   * reports. Default random 6 digits, printed at start (`OPERATOR_CODE`).
   */
  operatorCode: string
  /**
   * MQTT credential of external devices that publish the park's telemetry and answer its commands
   * (`TWIN_DEVICE_USERNAME`, default "device"; `TWIN_DEVICE_PASSWORD`, default none: no device may log in).
   */
  twinDevice: { username: string; password?: string }
  /**
   * External MQTT brokers a viewer may pick with `?mqtt=` (`TWIN_MQTT_ALLOW`, comma-separated
   * `ws(s)://host:port/path`). Default none: `?mqtt=` is refused. Their origins join the CSP's connect-src.
   */
  twinMqttAllow: string[]
  /**
   * Page origins besides this server's own that may open the /mqtt WebSocket
   * (`TWIN_ALLOWED_ORIGINS`, comma- or space-separated, e.g. `https://kiosk.venue.lan`). Default none.
   */
  twinAllowedOrigins: string[]
  /** Days visitor analytics are kept (`ANALYTICS_RETENTION_DAYS`, 1–3650). Default 90. */
  analyticsRetentionDays?: number
  /**
   * The signalling URL of the venue's SFU for live voice beyond what peer to peer carries (`VOICE_SFU_URL`,
   * e.g. `wss://sfu.venue.lan:8989`; see docs/voice.md). Default none: speakers send to each listener.
   */
  voiceSfuUrl?: string
}

export function readConfig(
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): ServerConfig {
  const flag = (name: string) => argv.includes(`--${name}`)
  const option = (name: string) => {
    const i = argv.indexOf(`--${name}`)
    return i >= 0 ? argv[i + 1] : undefined
  }
  const root = process.cwd()
  return {
    port: Number(option('port') ?? env.PORT ?? 8080),
    host: option('host') ?? env.HOST ?? '0.0.0.0',
    https: flag('https') || env.HTTPS === '1',
    distDir: resolve(root, option('dist') ?? env.DIST_DIR ?? 'dist'),
    scenesDir: resolve(root, option('scenes') ?? env.SCENES_DIR ?? 'scenes'),
    dataDir: resolve(root, option('data') ?? env.DATA_DIR ?? 'data'),
    teacherCode: env.TEACHER_CODE ?? String(randomInt(100000, 999999)),
    redisUrl: env.REDIS_URL || undefined,
    simulator: env.SIMULATOR !== '0',
    skipBuild: flag('no-build') || env.SKIP_BUILD === '1',
    cspConnectSrc: [
      ...(env.CSP_CONNECT_SRC ?? '').split(/\s+/).filter(Boolean),
      ...brokerOrigins(list(env.TWIN_MQTT_ALLOW)),
      // The venue's voice SFU is the one other origin live voice may signal to.
      ...brokerOrigins(list(env.VOICE_SFU_URL)),
    ],
    operatorCode: env.OPERATOR_CODE ?? String(randomInt(100000, 999999)),
    twinDevice: {
      username: env.TWIN_DEVICE_USERNAME || 'device',
      password: env.TWIN_DEVICE_PASSWORD,
    },
    twinMqttAllow: list(env.TWIN_MQTT_ALLOW),
    twinAllowedOrigins: list(env.TWIN_ALLOWED_ORIGINS),
    analyticsRetentionDays: env.ANALYTICS_RETENTION_DAYS ? Number(env.ANALYTICS_RETENTION_DAYS) : undefined,
    voiceSfuUrl: env.VOICE_SFU_URL || undefined,
  }
}

/** A comma- or space-separated setting as a list, without empty entries. */
function list(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter(Boolean)
}

/** The origins (scheme://host:port) of allowed broker URLs, for the CSP; malformed entries are skipped. */
function brokerOrigins(urls: string[]): string[] {
  const origins: string[] = []
  for (const url of urls) {
    try {
      const u = new URL(url)
      origins.push(`${u.protocol}//${u.host}`)
    } catch {
      // configProblem names it at start.
    }
  }
  return origins
}
