// The operator prompt without React: a confirmed command on a source with logins waits for the code,
// a wrong code says so and sends nothing, the right one sends the command; cancelling sends nothing.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { TwinRuntime } from '../../../../src/kinds/twin/logic/twin-runtime'
import {
  cancelOperatorPrompt,
  leaveOperatorMode,
  resetTwinAccess,
  submitOperatorCode,
  useTwinAccess,
} from '../../../../src/kinds/twin/twin-access'
import { askToConfirm, confirmCommand, resetTwinUi } from '../../../../src/kinds/twin/twin-store'
import type { DataSource, LoginResult } from '../../../../src/platform/realtime'
import { loadTwinPark } from '../../shared/twin/twin-fixture'

const twin = loadTwinPark()

function sourceWithLogin(code: string) {
  const published: string[] = []
  const login = vi.fn(
    async (_user: string, password: string): Promise<LoginResult> => (password === code ? 'ok' : 'refused'),
  )
  const logout = vi.fn()
  const source = {
    kind: 'server',
    label: 'test',
    status: 'online',
    onStatus: () => () => {},
    onMessage: () => () => {},
    subscribe: () => {},
    publish: async (topic: string) => {
      published.push(topic)
      return true
    },
    login,
    logout,
    close: () => {},
  } as unknown as DataSource
  return { source, published, login, logout }
}

afterEach(() => {
  resetTwinUi()
  resetTwinAccess()
})

describe('operator access', () => {
  it('asks for the code, refuses a wrong one, sends the command after the right one', async () => {
    const runtime = new TwinRuntime(twin)
    const { source, published, login, logout } = sourceWithLogin('975310')
    runtime.attach(source)
    askToConfirm('datacenter', 'hvac', 0)
    confirmCommand(runtime)
    expect(useTwinAccess.getState().prompt).toEqual({ status: 'typing', draft: '' })
    await submitOperatorCode(runtime, '111111')
    expect(useTwinAccess.getState().prompt).toEqual({ status: 'refused', draft: '' })
    expect(published).toEqual([])
    await submitOperatorCode(runtime, '975310')
    await vi.waitFor(() => expect(published).toEqual(['park/demo/datacenter/cmd']))
    expect(login).toHaveBeenLastCalledWith('operator', '975310')
    expect(useTwinAccess.getState()).toMatchObject({ operator: true, prompt: null })
    // Once the operator, no more prompts on this page; leaving drops the login.
    askToConfirm('datacenter', 'hvac', 1)
    confirmCommand(runtime)
    await vi.waitFor(() => expect(published).toHaveLength(2))
    leaveOperatorMode(runtime)
    expect(logout).toHaveBeenCalled()
    expect(useTwinAccess.getState().operator).toBe(false)
  })

  it('sends nothing when the prompt is cancelled', async () => {
    const runtime = new TwinRuntime(twin)
    const { source, published } = sourceWithLogin('975310')
    runtime.attach(source)
    askToConfirm('datacenter', 'hvac', 0)
    confirmCommand(runtime)
    cancelOperatorPrompt()
    await Promise.resolve()
    expect(useTwinAccess.getState().prompt).toBeNull()
    expect(published).toEqual([])
  })
})
