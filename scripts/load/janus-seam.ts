// Checks a venue's Janus against what live voice's SFU seam needs (docs/voice.md, "Beyond the limit"), over
// Janus's WebSocket API, without media: a session, the VideoRoom and AudioBridge plugins, a private room made
// with a secret that only listed tokens may join, a token added the way a room would give someone the floor,
// and the room destroyed. Warns when anyone may create rooms (no admin_key): then a browser could make its
// own. Usage: npx tsx scripts/load/janus-seam.ts [ws://127.0.0.1:8188] [admin_key]
import WebSocket from 'ws'

const url = process.argv[2] ?? 'ws://127.0.0.1:8188'
/** The plugins' admin_key, which the venue's server would hold; never a browser. */
const adminKey = process.argv[3]
const ws = new WebSocket(url, 'janus-protocol')
const pending = new Map<string, (m: JanusReply) => void>()
let next = 0

interface JanusReply {
  janus: string
  data?: { id: number }
  error?: { code: number; reason: string }
  plugindata?: { data: Record<string, unknown> }
}

ws.on('message', (raw) => {
  const m = JSON.parse(String(raw)) as JanusReply & { transaction?: string }
  const done = m.transaction ? pending.get(m.transaction) : undefined
  if (done && m.janus !== 'ack') {
    pending.delete(m.transaction ?? '')
    done(m)
  }
})

function call(message: Record<string, unknown>): Promise<JanusReply> {
  const transaction = `seam-${++next}`
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer to ${JSON.stringify(message)}`)), 5000)
    pending.set(transaction, (m) => {
      clearTimeout(timer)
      resolve(m)
    })
    ws.send(JSON.stringify({ ...message, transaction }))
  })
}

let failed = false
function expectThat(what: string, ok: boolean, seen: unknown): void {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok ? '' : `: ${JSON.stringify(seen)}`}`)
  if (!ok) failed = true
}

ws.on('error', (e) => {
  console.error(`cannot reach Janus at ${url}: ${e.message}`)
  process.exit(2)
})

ws.on('open', async () => {
  const session = await call({ janus: 'create' })
  const session_id = session.data?.id
  expectThat('a session', typeof session_id === 'number', session)
  const room = 900_000 + Math.floor(Math.random() * 99_999)
  for (const [plugin, key] of [
    ['janus.plugin.videoroom', 'videoroom'],
    ['janus.plugin.audiobridge', 'audiobridge'],
  ] as const) {
    const handle = await call({ janus: 'attach', session_id, plugin })
    const handle_id = handle.data?.id
    expectThat(`${plugin} attached`, typeof handle_id === 'number', handle)
    const ask = async (body: Record<string, unknown>) =>
      (await call({ janus: 'message', session_id, handle_id, body })).plugindata?.data ?? {}
    const secret = 'seam-check-secret'
    const created = await ask({
      request: 'create',
      ...(adminKey ? { admin_key: adminKey } : {}),
      room,
      secret,
      is_private: true,
      allowed: ['leader-token'],
      publishers: 25,
      audiocodec: 'opus',
    })
    if (created.error_code) {
      expectThat(`${key}: a room made (pass the plugin's admin_key if it has one)`, false, created)
      continue
    }
    expectThat(`${key}: a private room with a secret`, created[key] === 'created', created)
    // What a browser could do on its own: without the admin_key, a room of its making.
    const rogue = await ask({ request: 'create', room: room + 1, is_private: true })
    if (rogue[key] === 'created') {
      console.log(`WARN ${key}: anyone may create rooms; set admin_key in janus.plugin.${key}.jcfg`)
      await ask({ request: 'destroy', room: room + 1 })
    } else console.log(`ok   ${key}: a room without the admin_key is refused`)
    const stranger = await ask({ request: 'join', ptype: 'publisher', room, display: 'stranger' })
    expectThat(`${key}: a join without a listed token is refused`, Boolean(stranger.error_code), stranger)
    const added = await ask({ request: 'allowed', secret, action: 'add', room, allowed: ['floor-token'] })
    expectThat(
      `${key}: a token added with the secret (the floor given)`,
      Array.isArray(added.allowed) && (added.allowed as string[]).includes('floor-token'),
      added,
    )
    const gone = await ask({ request: 'destroy', room, secret })
    expectThat(`${key}: the room destroyed with its secret`, gone[key] === 'destroyed', gone)
  }
  ws.close()
  process.exit(failed ? 1 : 0)
})
