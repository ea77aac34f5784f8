// A venue's own recording replaces the synthesised voice by being dropped into the scene folder: the
// server's narration index names it at the next request, with no rebuild, and serves the file. Files
// that name no line, or are not audio, are ignored.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/app'
import { createStaticFilesModule } from '../../src/server/http/static-files'
import type { NarrationIndex } from '../../src/shared/narration-index'
import { testServerConfig } from '../support/server-config'

const built = existsSync(resolve('dist/audio/narration/red-tourism/index.json'))
const work = mkdtempSync(join(tmpdir(), 'xr-recordings-'))
const scenesDir = join(work, 'scenes')
let server: RunningServer

beforeAll(async () => {
  if (!built) return
  mkdirSync(scenesDir)
  cpSync(resolve('scenes/red-tourism'), join(scenesDir, 'red-tourism'), { recursive: true })
  server = await startServer(testServerConfig(join(work, 'data'), { scenesDir }), [createStaticFilesModule])
})
afterAll(async () => {
  await server?.close()
  rmSync(work, { recursive: true, force: true })
})

const index = async (): Promise<NarrationIndex> =>
  (await (await fetch(`${server.url}/scenes/red-tourism/narration.json`)).json()) as NarrationIndex

describe.runIf(built)('narration recordings', () => {
  it('serves the synthesised voice until a recording is dropped in, then the recording', async () => {
    const before = await index()
    expect(before.lines['stop-welcome'].zh?.file).toMatch(/^\/audio\/narration\/red-tourism\//)
    expect(before.lines['stop-welcome'].zh?.recorded).toBeUndefined()

    const audio = join(scenesDir, 'red-tourism', 'audio')
    mkdirSync(audio)
    const bytes = Buffer.from('ID3 a venue recording')
    writeFileSync(join(audio, 'stop-welcome.zh.mp3'), bytes)
    writeFileSync(join(audio, 'stop-nowhere.zh.mp3'), bytes) // names no line
    writeFileSync(join(audio, 'stop-leaders.zh.txt'), 'notes') // not audio
    writeFileSync(join(audio, 'stop-leaders.fr.mp3'), bytes) // no such language

    const after = await index()
    const welcome = after.lines['stop-welcome']
    expect(welcome.zh).toEqual({
      text: before.lines['stop-welcome'].zh?.text,
      file: '/scenes/red-tourism/audio/stop-welcome.zh.mp3',
      recorded: true,
    })
    // English still comes from the synthesiser; the other files change nothing.
    expect(welcome.en).toEqual(before.lines['stop-welcome'].en)
    expect(after.lines['stop-leaders']).toEqual(before.lines['stop-leaders'])
    expect(after.lines['stop-nowhere']).toBeUndefined()

    const served = await fetch(`${server.url}${welcome.zh?.file}`)
    expect(served.status).toBe(200)
    expect(Buffer.from(await served.arrayBuffer())).toEqual(bytes)
  })

  it('answers 404 for a scene that does not exist or an id that is not one', async () => {
    expect((await fetch(`${server.url}/scenes/nope/narration.json`)).status).toBe(404)
    expect((await fetch(`${server.url}/scenes/..%2Fetc/narration.json`)).status).toBe(404)
  })
})
