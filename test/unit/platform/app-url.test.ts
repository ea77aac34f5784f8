import { describe, expect, it } from 'vitest'
import { formatAppUrl, parseAppUrl } from '../../../src/platform/url/app-url'

describe('app URL', () => {
  it('defaults to the lobby in Chinese, no kiosk', () => {
    expect(parseAppUrl('')).toEqual({
      scene: undefined,
      lang: 'zh',
      kiosk: false,
      diag: false,
      operator: false,
      mqtt: undefined,
      spectate: null,
      renderScale: undefined,
    })
  })

  it('parses scene, language, kiosk, diagnostics and an external broker', () => {
    const route = parseAppUrl(
      '?scene=twin-park&lang=en&kiosk=1&diag=true&mqtt=wss%3A%2F%2Fbroker.local%2Fmqtt',
    )
    expect(route).toEqual({
      scene: 'twin-park',
      lang: 'en',
      kiosk: true,
      diag: true,
      operator: false,
      mqtt: 'wss://broker.local/mqtt',
      spectate: null,
    })
  })

  it('opens the spectator screen for one device, or cycling, and keeps it through a scene change', () => {
    expect(parseAppUrl('?spectate=dev_12345678').spectate).toEqual({ deviceId: 'dev_12345678' })
    expect(parseAppUrl('?spectate').spectate).toEqual({ deviceId: null })
    // Anything that is not a device id cycles rather than naming a device that cannot exist.
    expect(parseAppUrl('?spectate=<script>').spectate).toEqual({ deviceId: null })
    const url = formatAppUrl({ spectate: { deviceId: 'dev_12345678' }, scene: 'gov-hall', lang: 'zh' })
    expect(parseAppUrl(url)).toMatchObject({ spectate: { deviceId: 'dev_12345678' }, scene: 'gov-hall' })
    expect(parseAppUrl(formatAppUrl({ spectate: { deviceId: null } })).spectate).toEqual({ deviceId: null })
  })

  it('opens the operator console with ?operator, with or without a value, and keeps it in the address', () => {
    expect(parseAppUrl('?operator').operator).toBe(true)
    expect(parseAppUrl('?operator=1&lang=en')).toMatchObject({ operator: true, lang: 'en' })
    expect(parseAppUrl('?operator=0').operator).toBe(false)
    expect(parseAppUrl(formatAppUrl({ operator: true, lang: 'en' }))).toMatchObject({
      operator: true,
      lang: 'en',
    })
  })

  it('treats an unknown language as Chinese and keeps a malformed scene id so it can be reported', () => {
    expect(parseAppUrl('?lang=fr').lang).toBe('zh')
    expect(parseAppUrl('?scene=../../etc').scene).toBe('../../etc')
    expect(parseAppUrl('?scene=RED-Tourism').scene).toBe('red-tourism')
  })

  it('takes a kiosk idle time in seconds, from 10 s to an hour', () => {
    expect(parseAppUrl('?kiosk=90')).toMatchObject({ kiosk: true, kioskIdleSeconds: 90 })
    expect(parseAppUrl('?kiosk=1')).toMatchObject({ kiosk: true, kioskIdleSeconds: undefined })
    for (const bad of ['5', '99999', '-20', '1e3', 'abc'])
      expect(parseAppUrl(`?kiosk=${bad}`), bad).toMatchObject({ kiosk: false, kioskIdleSeconds: undefined })
    expect(formatAppUrl({ kiosk: true, kioskIdleSeconds: 90 })).toBe('?kiosk=90')
  })

  it('takes a render scale from 0.25 to just under 1 and keeps it in the address', () => {
    expect(parseAppUrl('?renderScale=0.5')).toMatchObject({ renderScale: 0.5 })
    expect(parseAppUrl('?renderScale=0.25')).toMatchObject({ renderScale: 0.25 })
    for (const bad of ['0.1', '1', '2', '-0.5', '0.5x', 'abc', ''])
      expect(parseAppUrl(`?renderScale=${bad}`), bad).toMatchObject({ renderScale: undefined })
    expect(formatAppUrl({ scene: 'twin-park', renderScale: 0.5 })).toBe('?scene=twin-park&renderScale=0.5')
  })

  it('round-trips through format, leaving defaults out of the address', () => {
    const route = { scene: 'gov-hall', lang: 'en' as const, kiosk: true, diag: false }
    expect(formatAppUrl(route)).toBe('?scene=gov-hall&lang=en&kiosk=1')
    expect(parseAppUrl(formatAppUrl(route))).toMatchObject(route)
    expect(formatAppUrl({ lang: 'zh' })).toBe('?')
  })
})
