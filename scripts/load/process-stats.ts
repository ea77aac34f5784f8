// What the load scripts measure of a server process (Linux /proc) and how they summarise latencies:
// shared, so the classroom and venue figures in the README are taken the same way.
import { readFileSync } from 'node:fs'

/** Clock ticks per second of /proc's CPU times (the Linux default). */
const CLK_TCK = 100

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** utime + stime of a process in seconds, from /proc: the server's own process.cpuUsage(). */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK
}

export function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)
  return line ? Number(line[1]) / 1024 : 0
}

/** The p-th percentile (nearest rank) of `values`, NaN when there are none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}
