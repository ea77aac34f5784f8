// A self-signed certificate made on first HTTPS start and kept, so a headset trusts it once and
// keeps trusting it. WebXR needs a secure context, and venues have no public CA to ask.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { generate } from 'selfsigned'

export interface Certificate {
  key: string
  cert: string
}

export async function loadOrCreateCertificate(dataDir: string, hostnames: string[]): Promise<Certificate> {
  const keyFile = join(dataDir, 'tls', 'key.pem')
  const certFile = join(dataDir, 'tls', 'cert.pem')
  if (existsSync(keyFile) && existsSync(certFile)) {
    return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') }
  }
  const altNames = hostnames.map((name) =>
    /^\d+\.\d+\.\d+\.\d+$/.test(name) ? { type: 7 as const, ip: name } : { type: 2 as const, value: name },
  )
  const pems = await generate([{ name: 'commonName', value: 'XR Showcase' }], {
    keySize: 2048,
    days: 3650,
    extensions: [{ name: 'subjectAltName', altNames }],
  } as Parameters<typeof generate>[1])
  mkdirSync(join(dataDir, 'tls'), { recursive: true })
  writeFileSync(keyFile, pems.private, { mode: 0o600 })
  writeFileSync(certFile, pems.cert)
  return { key: pems.private, cert: pems.cert }
}
