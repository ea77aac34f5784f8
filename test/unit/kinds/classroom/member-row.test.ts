// The teacher console's member rows: every key's label, Chinese and English, fits its key at the console's
// type size (it had shrunk to fit at 0.03 m), the keys stay apart and on the console, and a long name is cut
// before it runs under the first key.
import { describe, expect, it } from 'vitest'
import { S } from '../../../../src/kinds/classroom/classroom-strings'
import {
  MEMBER_KEY_H,
  MEMBER_TYPE,
  type MemberKeyId,
  memberKeys,
  memberLine,
} from '../../../../src/kinds/classroom/logic/member-row'
import { fitLabelSize, labelEm } from '../../../../src/platform/ui/label-fit'

const LABELS: Record<MemberKeyId, { zh: string; en: string }> = {
  floor: S.giveFloor,
  mute: S.mute,
  spotlight: S.spotlight,
  grant: S.grant,
  kick: S.kick,
}
/** The console's inner edges, as TeacherPanel passes them (its panel is 1.4 m wide). */
const LEFT = -0.64
const RIGHT = 0.68

describe('teacher console member rows', () => {
  it("fit every key's label at the console's type, in both languages", () => {
    expect(MEMBER_TYPE).toBeGreaterThanOrEqual(0.04)
    for (const key of memberKeys(RIGHT))
      for (const lang of ['zh', 'en'] as const)
        expect(
          fitLabelSize(LABELS[key.id][lang], MEMBER_TYPE, key.width, MEMBER_KEY_H),
          `${key.id} ${lang}`,
        ).toBe(MEMBER_TYPE)
  })

  it('keep the keys apart, in order, inside the console', () => {
    const keys = memberKeys(RIGHT)
    expect(keys.map((k) => k.id)).toEqual(['floor', 'mute', 'spotlight', 'grant', 'kick'])
    expect(keys[keys.length - 1].x + keys[keys.length - 1].width / 2).toBeCloseTo(RIGHT, 9)
    for (let i = 1; i < keys.length; i++)
      expect(keys[i].x - keys[i].width / 2).toBeGreaterThan(keys[i - 1].x + keys[i - 1].width / 2)
    // Room for a name of about seven ems left of the first key.
    expect((keys[0].x - keys[0].width / 2 - LEFT) / MEMBER_TYPE).toBeGreaterThan(7)
  })

  it('cut a long name so the line stays within its room, and leave a short one whole', () => {
    const member = { name: '欧阳', connected: true, answered: 3 }
    expect(memberLine(member, true, 7, labelEm)).toBe('● 欧阳  3')
    const long = { name: '司马相如司马相如司马相如司马相如司马相如司马相如', connected: false, answered: 4 }
    const line = memberLine(long, false, 7, labelEm)
    expect(labelEm(line)).toBeLessThanOrEqual(7)
    // Cut and marked "…", then the disconnected mark and the answers.
    expect(line).toMatch(/^司马.*… … {2}4$/)
  })
})
