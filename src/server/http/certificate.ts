// A self-signed certificate made on first HTTPS start and kept, so a headset trusts it once and
// keeps trusting it. WebXR needs a secure context, and venues have no public CA to ask.
// It lasts CERT_DAYS (selfsigned ignores a `days` option; its real one is `notAfterDate`) and is made
// anew at start when fewer than RENEW_BEFORE_DAYS are left, or when the kept one cannot be read.
import { X509Certificate } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { generate } from 'selfsigned'

export const CERT_DAYS = 3650
export const RENEW_BEFORE_DAYS = 30
const DAY_MS = 24 * 60 * 60 * 1000

export interface Certificate {
  key: string
  cert: string
}

export async function loadOrCreateCertificate(
  dataDir: string,
  hostnames: string[],
  now: Date = new Date(),
): Promise<Certificate> {
  const keyFile = join(dataDir, 'tls', 'key.pem')
  const certFile = join(dataDir, 'tls', 'cert.pem')
  if (existsSync(keyFile) && existsSync(certFile)) {
    const kept = { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') }
    if (daysLeft(kept.cert, now) >= RENEW_BEFORE_DAYS) return kept
  }
  const altNames = hostnames.map((name) =>
    /^\d+\.\d+\.\d+\.\d+$/.test(name) ? { type: 7 as const, ip: name } : { type: 2 as const, value: name },
  )
  const pems = await generate([{ name: 'commonName', value: 'XR Showcase' }], {
    keySize: 2048,
    notBeforeDate: now,
    notAfterDate: new Date(now.getTime() + CERT_DAYS * DAY_MS),
    extensions: [{ name: 'subjectAltName', altNames }],
  })
  mkdirSync(join(dataDir, 'tls'), { recursive: true })
  writeFileSync(keyFile, pems.private, { mode: 0o600 })
  writeFileSync(certFile, pems.cert)
  return { key: pems.private, cert: pems.cert }
}

/** Whole days until `pem` expires; -Infinity when it cannot be parsed (so it is made anew). */
export function daysLeft(pem: string, now: Date = new Date()): number {
  try {
    return Math.floor((Date.parse(new X509Certificate(pem).validTo) - now.getTime()) / DAY_MS)
  } catch {
    return Number.NEGATIVE_INFINITY
  }
}
