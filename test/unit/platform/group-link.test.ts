// A group's address: what `&group=` asks for, and the link its QR code carries.
import { describe, expect, it } from 'vitest'
import { groupJoinUrl, parseGroupParam } from '../../../src/platform/groups/group-link'

describe('group link', () => {
  it('reads new, a code, and nothing else', () => {
    expect(parseGroupParam('?scene=red-tourism&group=new')).toEqual({ open: true })
    expect(parseGroupParam('?scene=red-tourism&group=NEW')).toEqual({ open: true })
    expect(parseGroupParam('?scene=ruijin&group=ab3xk')).toEqual({ open: false, code: 'AB3XK' })
    expect(parseGroupParam('?scene=ruijin')).toBeUndefined()
    expect(parseGroupParam('?group=')).toBeUndefined()
    expect(parseGroupParam('?group=AB')).toBeUndefined()
    expect(parseGroupParam('?group=<script>')).toBeUndefined()
  })

  it('makes a join link that reads back as the same code', () => {
    const url = groupJoinUrl('https://10.0.0.2:8443', 'red-tourism', 'AB3XK', 'en')
    expect(url).toBe('https://10.0.0.2:8443/?scene=red-tourism&group=AB3XK&lang=en')
    expect(parseGroupParam(new URL(url).search)).toEqual({ open: false, code: 'AB3XK' })
    expect(groupJoinUrl('http://x', 'ruijin', 'AB3XK', 'zh')).toBe('http://x/?scene=ruijin&group=AB3XK')
  })
})
