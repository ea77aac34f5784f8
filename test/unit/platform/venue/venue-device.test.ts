// The device side of the venue without a browser: what it reports, how it carries out each command and
// says whether it could, and how the headset's panel fits a long message.
import { describe, expect, it } from 'vitest'
import { type CommandEffects, runCommand } from '../../../../src/platform/venue/command-runner'
import { MAX_LINES, xrNoticeText } from '../../../../src/platform/venue/notice-lines'
import { deviceMode, presenceReport, reportChanged } from '../../../../src/platform/venue/presence-report'
import { DeviceReport } from '../../../../src/shared/venue/venue-messages'

const inputs = {
  name: '展台 A-3',
  scene: 'gov-hall',
  xrMode: null,
  coarsePointer: false,
  lang: 'zh' as const,
  idleSeconds: 12.7,
  fps: 71.96,
  version: '0.1.0',
}

describe('presence report', () => {
  it('names the mode from the XR session first, then the pointer', () => {
    expect(deviceMode('immersive-vr', true)).toBe('vr')
    expect(deviceMode('immersive-ar', false)).toBe('ar')
    expect(deviceMode(null, true)).toBe('touch')
    expect(deviceMode(null, false)).toBe('desktop')
  })

  it('builds a report the server accepts, rounded and bounded', () => {
    const report = presenceReport(inputs)
    expect(report).toEqual({
      name: '展台 A-3',
      scene: 'gov-hall',
      mode: 'desktop',
      lang: 'zh',
      idleSeconds: 12,
      fps: 72,
      version: '0.1.0',
    })
    expect(DeviceReport.safeParse(report).success).toBe(true)
    const extreme = presenceReport({ ...inputs, scene: '../x', idleSeconds: 1e12, fps: 1e6, version: '' })
    expect(extreme).toMatchObject({ scene: null, idleSeconds: 10_000_000, fps: 1000, version: 'unknown' })
    expect(DeviceReport.safeParse(extreme).success).toBe(true)
  })

  it('sends only a report that changed', () => {
    const report = presenceReport(inputs)
    expect(reportChanged(undefined, report)).toBe(true)
    expect(reportChanged(report, { ...report })).toBe(false)
    expect(reportChanged(report, { ...report, idleSeconds: 13 })).toBe(true)
  })
})

describe('command runner', () => {
  function effects(scenes: string[] = ['gov-hall'], attractRefusal?: string) {
    const done: string[] = []
    const fx: CommandEffects = {
      hasScene: (id) => scenes.includes(id),
      openScene: (id) => done.push(`open ${id}`),
      lobby: () => done.push('lobby'),
      setLang: (lang) => done.push(`lang ${lang}`),
      reset: () => done.push('reset'),
      startAttract: () => {
        if (!attractRefusal) done.push('attract on')
        return attractRefusal
      },
      stopAttract: () => done.push('attract off'),
      showNotice: (text, seconds) => done.push(`notice ${text} ${seconds}`),
      rename: (name) => done.push(`rename ${name}`),
    }
    return { fx, done }
  }

  it('carries out every command and acknowledges it', () => {
    const { fx, done } = effects()
    const outcomes = [
      runCommand({ type: 'open-scene', scene: 'gov-hall' }, fx),
      runCommand({ type: 'lobby' }, fx),
      runCommand({ type: 'set-lang', lang: 'en' }, fx),
      runCommand({ type: 'reset' }, fx),
      runCommand({ type: 'start-attract' }, fx),
      runCommand({ type: 'stop-attract' }, fx),
      runCommand({ type: 'message', text: '请到出口', seconds: 20 }, fx),
      runCommand({ type: 'rename', name: '展台 B-1' }, fx),
    ]
    expect(outcomes.every((o) => o.ok)).toBe(true)
    expect(done).toEqual([
      'open gov-hall',
      'lobby',
      'lang en',
      'reset',
      'attract on',
      'attract off',
      'notice 请到出口 20',
      'rename 展台 B-1',
    ])
  })

  it('refuses a scene the device does not have, and reports an effect that failed instead of throwing', () => {
    const { fx, done } = effects([])
    expect(runCommand({ type: 'open-scene', scene: 'gov-hall' }, fx)).toEqual({
      ok: false,
      detail: 'this device has no working scene "gov-hall"',
    })
    expect(done).toEqual([])
    const broken = {
      ...fx,
      reset: () => {
        throw new Error('XR session would not end')
      },
    }
    expect(runCommand({ type: 'reset' }, broken)).toEqual({ ok: false, detail: 'XR session would not end' })
    const notKiosk = effects([], 'this device is not a kiosk').fx
    expect(runCommand({ type: 'start-attract' }, notKiosk)).toEqual({
      ok: false,
      detail: 'this device is not a kiosk',
    })
  })
})

describe('headset notice text', () => {
  it('keeps a short message whole on one line with its heading', () => {
    expect(xrNoticeText('工作人员通知', '请到出口', 22)).toEqual({ text: '工作人员通知：请到出口', lines: 1 })
  })

  it('cuts a long message to the panel lines with an ellipsis', () => {
    const shown = xrNoticeText('工作人员通知', '请'.repeat(200), 22)
    expect(shown.lines).toBe(MAX_LINES)
    expect(shown.text.endsWith('…')).toBe(true)
    expect(Array.from(shown.text).length).toBeLessThanOrEqual(22 * MAX_LINES)
  })
})
