// What stops the server from starting, said in one line a venue technician can act on, instead of a stack trace.
import type { ServerConfig } from './config'

/** A reason not to start at all, found before anything listens; undefined when the config is usable. */
export function configProblem(config: ServerConfig): string | undefined {
  if (config.teacherCode.trim().length === 0)
    return 'TEACHER_CODE is set but empty: set a code of at least 6 characters, or unset it to get a random one.'
  if (config.teacherCode.length < 6)
    return 'TEACHER_CODE is too short: use at least 6 characters so it cannot be guessed.'
  if (config.operatorCode.trim().length === 0)
    return 'OPERATOR_CODE is set but empty: set a code of at least 6 characters, or unset it to get a random one.'
  if (config.operatorCode.length < 6)
    return 'OPERATOR_CODE is too short: use at least 6 characters so it cannot be guessed.'
  const device = config.twinDevice.password
  if (device !== undefined && device.length < 12)
    return 'TWIN_DEVICE_PASSWORD is too short: use at least 12 characters, or unset it to let no device log in.'
  for (const url of config.twinMqttAllow) {
    if (!/^wss?:\/\/[^\s/]+\/\S*$/.test(url))
      return `TWIN_MQTT_ALLOW has "${url}", which is not a ws:// or wss:// broker URL such as ws://broker.lan:8083/mqtt.`
  }
  const retention = config.analyticsRetentionDays
  if (retention !== undefined && !(Number.isInteger(retention) && retention >= 1 && retention <= 3650))
    return 'ANALYTICS_RETENTION_DAYS must be a whole number of days from 1 to 3650.'
  return undefined
}

/** The one line to print when startServer throws. */
export function describeStartupError(error: unknown, config: ServerConfig): string {
  const e = error as NodeJS.ErrnoException & { code?: string }
  const code = typeof e?.code === 'string' ? e.code : ''
  if (code === 'EADDRINUSE')
    return `Port ${config.port} is already in use: stop the other program or start with PORT=<another port>.`
  if (code === 'EADDRNOTAVAIL')
    return `Cannot listen on ${config.host}: this machine has no such address (HOST).`
  if (code === 'EACCES' && e.syscall === 'listen')
    return `Port ${config.port} needs administrator rights: use a port above 1023 (PORT).`
  if (
    [
      'EACCES',
      'EPERM',
      'EROFS',
      'ENOSPC',
      'ENOTDIR',
      'EEXIST',
      'SQLITE_CANTOPEN',
      'SQLITE_READONLY',
    ].includes(code)
  )
    return `The data folder ${config.dataDir} is not writable (${code}): make it writable or set DATA_DIR to a folder that is.`
  return `The server could not start: ${e?.message ?? String(error)}`
}
