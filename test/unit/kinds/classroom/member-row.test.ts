// The teacher console's member rows: every key's label, Chinese and English, fits its key at the console's
// type size (it had shrunk to fit at 0.03 m), the keys stay apart and on the console, and a long name is cut
// before it runs under the first key.
import { describe, expect, it } from 'vitest'
import { S } from '../../../../src/kinds/classroom/classroom-strings'
import {
  handsLine,
  MEMBER_KEY_H,
  MEMBER_TYPE,
  MEMBERS_PER_PAGE,
  type MemberKeyId,
  memberKeys,
  memberLine,
  memberPage,
  resultLines,
} from '../../../../src/kinds/classroom/logic/member-row'
import { cutToFit, fitLabelSize, labelEm } from '../../../../src/platform/ui/label-fit'

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
    expect(cutToFit('欧阳', memberLine({ connected: true, answered: 3 }, true), 7)).toBe('● 欧阳  3')
    const long = '司马相如司马相如司马相如司马相如司马相如司马相如'
    const line = cutToFit(long, memberLine({ connected: false, answered: 4 }, false), 7)
    expect(labelEm(line)).toBeLessThanOrEqual(7)
    // Cut and marked "…", then the disconnected mark and the answers.
    expect(line).toMatch(/^司马.*… … {2}4$/)
  })

  it('page the class in join order, the page clamped as students leave', () => {
    const students = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, hand: false }))
    const first = memberPage(students, 0)
    expect(first.rows.map((m) => m.id)).toEqual(['a', 'b'].slice(0, MEMBERS_PER_PAGE))
    expect(first.pages).toBe(Math.ceil(5 / MEMBERS_PER_PAGE))
    const last = memberPage(students, 99)
    expect(last.page).toBe(last.pages - 1)
    expect(last.rows.map((m) => m.id)).toEqual(['e'])
    expect(memberPage([], 3)).toMatchObject({ rows: [], page: 0, pages: 1 })
  })

  it('mark a page key when a raised hand is on the page it leads to', () => {
    const students = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, hand: id === 'e' }))
    expect(memberPage(students, 0)).toMatchObject({ handBefore: false, handAfter: true })
    const last = memberPage(students, 2)
    expect(last).toMatchObject({ handBefore: false, handAfter: false })
    students[0].hand = true
    expect(memberPage(students, 2).handBefore).toBe(true)
  })

  it('show as many raised hands as fit, then how many more, a long first name cut', () => {
    const fill = (names: string) => `举手：${names}`
    const line = (names: string[], maxEm: number) =>
      handsLine(names, fill, '无人举手', maxEm, cutToFit, labelEm)
    expect(line([], 12)).toBe('无人举手')
    expect(line(['李华', '张伟'], 12)).toBe('举手：李华、张伟')
    const many = line(['王小明', '李华', '张伟', '赵敏'], 11)
    expect(labelEm(many)).toBeLessThanOrEqual(11)
    expect(many).toMatch(/^举手：王小明、李华.* \+\d$/)
    const long = line(['Alexandra Katherine Wong', '周杰'], 11.7)
    expect(labelEm(long)).toBeLessThanOrEqual(11.7)
    expect(long).toMatch(/^举手：Alex.*… \+1$/)
  })

  it('list every result that fits, names cut to the board, and how many more there are', () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({ name: `S${i + 1}`, score: 1, answered: 2 }))
    const lines = resultLines(rows, 5, 10, 14, cutToFit).split('\n')
    expect(lines).toHaveLength(10)
    expect(lines[0]).toBe('S1   1 / 5   (2)')
    expect(lines[9]).toBe('… +3')
    const long = [{ name: 'Alexandra Katherine Wong', score: 3, answered: 4 }]
    const [line] = resultLines(long, 5, 10, 14, cutToFit).split('\n')
    expect(labelEm(line)).toBeLessThanOrEqual(14)
    expect(line).toMatch(/^Alex.*… {3}3 \/ 5 {3}\(4\)$/)
  })
})
