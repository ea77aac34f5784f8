// Slides readable from every seat of every classroom scene: a capital letter subtends at least 0.9° of
// visual angle (≈16 mm at 1 m) from each seat, sitting or standing, to every corner of the slide's text
// area. Before, 0.095 m bullets on a 4.4 m screen gave 0.4° from the back row.
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CONSOLE_HEIGHT } from '../../../../src/kinds/classroom/logic/console-size'
import {
  CAP_HEIGHT_EM,
  capAngleAt,
  capDegrees,
  EYE_HEIGHTS,
  MIN_CAP_DEG,
  SLIDE_MARGIN,
  slideFonts,
} from '../../../../src/kinds/classroom/logic/slide-legibility'
import { fitDistance, lecternPlacement } from '../../../../src/platform/ui/view-fit'
import { validateSceneText } from '../../../../src/schema/scene-validation'

const classrooms = readdirSync('scenes', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => validateSceneText(readFileSync(`scenes/${d.name}/scene.json`, 'utf8'), d.name))
  .flatMap((r) => (r.ok && r.scene.kind === 'classroom' ? [r.scene] : []))

describe('slide legibility', () => {
  it('finds the classroom scenes', () => expect(classrooms.length).toBeGreaterThan(0))

  it.each(classrooms.map((s) => [s.id, s] as const))(
    '%s: every slide text reads from every seat',
    (_, scene) => {
      const { layout, seats } = scene.classroom
      const fonts = slideFonts(layout, seats)
      const [cx, cy, cz] = layout.screenPosition
      const halfW = layout.screenSize[0] / 2 - SLIDE_MARGIN
      const halfH = layout.screenSize[1] / 2 - SLIDE_MARGIN
      const cap = Math.min(fonts.body, fonts.caption, fonts.pageNumber) * CAP_HEIGHT_EM
      let worst = Number.POSITIVE_INFINITY
      // Measured on a grid over the text area, independently of the corners the sizing looks at.
      for (const seat of seats)
        for (const eye of EYE_HEIGHTS)
          for (let i = 0; i <= 10; i++)
            for (let j = 0; j <= 10; j++) {
              const p: [number, number, number] = [
                cx - halfW + (i / 5) * halfW,
                cy - halfH + (j / 5) * halfH,
                cz,
              ]
              worst = Math.min(
                worst,
                capAngleAt(cap, p, [seat.position[0], seat.position[1] + eye, seat.position[2]]),
              )
            }
      expect(worst).toBeGreaterThanOrEqual(MIN_CAP_DEG)
      // And the text still fits: a title line plus two lines per bullet on the screen's height.
      const lines =
        2 + 2 * Math.max(...scene.classroom.slides.map((s) => (s.type === 'text' ? s.bullets.length : 1)))
      expect(lines * fonts.body * 1.25).toBeLessThanOrEqual(layout.screenSize[1] - 2 * SLIDE_MARGIN)
    },
  )

  it('measures cap height with the shipped font’s metric (16 mm at 1 m is 0.9°)', () => {
    expect(CAP_HEIGHT_EM).toBe(0.733)
    expect(capDegrees(0.016 / CAP_HEIGHT_EM, 1)).toBeCloseTo(0.917, 2)
  })
})

describe('fitDistance', () => {
  it('steps a panel back until it fits a portrait window, and leaves it in a headset', () => {
    const portrait = { aspect: 1080 / 1920, vFovDeg: 70 }
    const d = fitDistance(portrait, 1.0, 1.3, 1.2)
    const halfW = d * Math.tan((35 * Math.PI) / 180) * portrait.aspect
    expect(halfW).toBeGreaterThanOrEqual(0.5)
    expect(fitDistance({ aspect: 1920 / 1080, vFovDeg: 70 }, 1.0, 0.8, 1.2)).toBe(1.2)
    expect(fitDistance(null, 1.0, 1.3, 1.2)).toBe(1.2)
  })
})

describe('the teacher console', () => {
  // It stood 1.62 m tall at eye height whatever the class size, and hid the room from a desktop teacher.
  it('sits wholly below the eye line in a 1280×720 window, so the class shows above it', () => {
    const view = { aspect: 1280 / 720, vFovDeg: 70 }
    const h = CONSOLE_HEIGHT
    const { centreY, distance } = lecternPlacement(view, 1.4, h, 1.4, 1.6, 1.3)
    expect(centreY + h / 2, 'top edge under the eye').toBeLessThan(1.6)
    const bottomAngle = Math.atan((1.6 - (centreY - h / 2)) / distance)
    expect(bottomAngle, 'bottom edge inside the window').toBeLessThan((35 * Math.PI) / 180)
  })
})
