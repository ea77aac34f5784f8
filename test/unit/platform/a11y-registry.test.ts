// The DOM mirror's source: 3D controls register a label and an action, and leave when unmounted.
import { beforeEach, describe, expect, it } from 'vitest'
import { registerA11yTarget, useA11yRegistry } from '../../../src/platform/a11y/a11y-registry'

beforeEach(() => useA11yRegistry.setState({ targets: [] }))

describe('a11y registry', () => {
  it('lists registered targets and calls their action when the mirror presses them', () => {
    const pressed: string[] = []
    const offA = registerA11yTarget({
      id: 'a',
      label: '设置',
      disabled: false,
      press: () => pressed.push('a'),
    })
    registerA11yTarget({ id: 'b', label: 'English', disabled: true, press: () => pressed.push('b') })
    const targets = useA11yRegistry.getState().targets
    expect(targets.map((t) => [t.label, t.disabled])).toEqual([
      ['设置', false],
      ['English', true],
    ])
    targets[0]?.press()
    expect(pressed).toEqual(['a'])
    offA()
    expect(useA11yRegistry.getState().targets.map((t) => t.id)).toEqual(['b'])
  })

  it('replaces a target registered again under the same id instead of duplicating it', () => {
    registerA11yTarget({ id: 'x', label: 'old', disabled: false, press: () => {} })
    registerA11yTarget({ id: 'x', label: 'new', disabled: false, press: () => {} })
    expect(useA11yRegistry.getState().targets.map((t) => t.label)).toEqual(['new'])
  })
})
