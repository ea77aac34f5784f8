// Desktop slots start under the scene bar's controls. The bar also holds the screen-reader list of 3D
// controls, fixed 1 px at the page's foot: counted as part of the bar, it took the inset to its 30 % cap,
// which squeezed every slot into the lower 70 % of the view (text at 0.65° on the portrait kiosk).
import { afterEach, describe, expect, it, vi } from 'vitest'
import { measureTopInset } from '../../../src/platform/ui/ViewSlot'

const box = (top: number, bottom: number) => ({
  getBoundingClientRect: () => ({ top, bottom, height: bottom - top }),
})

function page(children: { top: number; bottom: number; position: string }[]) {
  const kids = children.map((c) => ({ ...box(c.top, c.bottom), position: c.position }))
  vi.stubGlobal('document', { querySelector: () => ({ children: kids }) })
  vi.stubGlobal('getComputedStyle', (el: { position: string }) => ({ position: el.position }))
  return box(0, 1920) as unknown as HTMLCanvasElement
}

afterEach(() => vi.unstubAllGlobals())

describe('the top inset of desktop view slots', () => {
  it("is the bar's controls' height, not the fixed screen-reader list at the page's foot", () => {
    const canvas = page([
      { top: 8, bottom: 56, position: 'static' },
      { top: 1911, bottom: 1912, position: 'fixed' },
    ])
    expect(measureTopInset(canvas)).toBeCloseTo(60 / 1920)
  })

  it('still follows a bar that wraps onto two lines', () => {
    const canvas = page([
      { top: 8, bottom: 56, position: 'static' },
      { top: 64, bottom: 112, position: 'static' },
    ])
    expect(measureTopInset(canvas)).toBeCloseTo(116 / 1920)
  })
})
