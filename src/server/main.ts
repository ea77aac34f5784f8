// `npm start`: build if needed, then serve everything from one process on one port, and print the
// URLs a visitor or a headset on the same Wi-Fi can open (with a QR code for the LAN one).
import qrcode from 'qrcode-terminal'
import { startServer } from './app'
import { buildIfNeeded } from './build-if-needed'
import { readConfig } from './config'
import { lanAddresses } from './http/lan-address'
import { configProblem, describeStartupError } from './startup-problems'

const config = readConfig()
const problem = configProblem(config)
if (problem) {
  console.error(problem)
  process.exit(1)
}
if (!config.skipBuild) buildIfNeeded(config.distDir)
const server = await startServer(config).catch((error: unknown) => {
  console.error(describeStartupError(error, config))
  process.exit(1)
})

const scheme = config.https ? 'https' : 'http'
const lanUrls = lanAddresses().map((ip) => `${scheme}://${ip}:${server.port}/`)
console.log(`\nXR Showcase is running.\n  Local:   ${scheme}://localhost:${server.port}/`)
for (const url of lanUrls) console.log(`  LAN:     ${url}`)
console.log(`  Teacher code (classroom): ${config.teacherCode}`)
console.log(
  `  Operator code (venue console, big screens, kiosk staff exit, twin controls): ${config.operatorCode}`,
)
if (!config.https) console.log('  Headsets need HTTPS for WebXR: run `npm start -- --https`.')
if (lanUrls[0]) qrcode.generate(lanUrls[0], { small: true })

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) process.exit(1)
    stopping = true
    await server.close()
    process.exit(0)
  })
}
