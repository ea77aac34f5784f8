// The classroom in AR: the lab station (its model, turned by whoever has control) and a miniature of the
// slide screen stand on the visitor's real desk inside the AR service's <ARPlacement>; the join panel, the
// quiz and the teacher's console are in the view's centre slot, the teacher's room code on the right. No
// walls, desks or platform: the room around is the visitor's own. Browsers offer no shared anchors, so
// each member places their own model; the class (slide, model pose, quiz) is shared as in VR.
import { type ARFootprint, ARPlacement } from '../../../platform/ar'
import { ViewSlot } from '../../../platform/ui'
import type { ClassroomContent } from '../../../schema/kinds/classroom'
import { useClassroom } from '../classroom-store'
import { CONSOLE_HEIGHT } from '../logic/console-size'
import { JOIN_PANEL_HEIGHT, JoinPanel } from './JoinPanel'
import { ModelStation } from './ModelStation'
import { QUIZ_MAX_PANEL, QuizBody } from './QuizPanel'
import { RoomBoard } from './RoomBoard'
import { SlideScreen } from './SlideScreen'
import { TeacherPanel } from './TeacherPanel'

/** Metres per classroom metre on the desk: the lab station's 0.64 m pad becomes 0.32 m. */
const AR_SCALE = 0.5
/** The slide screen's miniature, in classroom metres: a 6.6 m screen becomes 1.32 (0.66 m on the desk). */
const SLIDE_SCALE = 0.2
/**
 * Where the miniature screen stands: behind the station, its lower edge a little above the desk, far enough
 * back that the model's title, seen from a standing visitor, falls below it (at 0.55 it covered the text).
 */
const SLIDE_Z = -0.8
const SLIDE_LIFT = 0.1
/** The station and the screen together, in classroom metres (the shadow and the bar follow it). */
const FOOTPRINT: ARFootprint = { min: [-0.72, -0.88], max: [0.72, 0.45] }

export function ClassroomAR({ scene, content }: { scene: string; content: ClassroomContent }) {
  const mode = useClassroom((s) => s.mode)
  const role = useClassroom((s) => s.role)
  const online = mode === 'online'
  const teacher = online && role === 'teacher'
  const [sx, sy, sz] = content.layout.screenPosition
  const [, sh] = content.layout.screenSize
  return (
    <group name="classroom-ar">
      <ARPlacement scale={AR_SCALE} footprint={FOOTPRINT}>
        <ModelStation content={content} onTable />
        <group position={[0, SLIDE_LIFT + (sh * SLIDE_SCALE) / 2, SLIDE_Z]} scale={SLIDE_SCALE}>
          <group position={[-sx, -sy, -sz]}>
            <SlideScreen content={content} />
          </group>
        </group>
      </ARPlacement>
      {(mode === 'join' || mode === 'connecting' || mode === 'ended') && (
        <ViewSlot slot="center" width={1.0} height={JOIN_PANEL_HEIGHT} name="classroom-ar-join">
          <JoinPanel scene={scene} content={content} position={[0, 0, 0]} />
        </ViewSlot>
      )}
      {((online && role === 'student') || mode === 'solo') && (
        <ViewSlot slot="center" width={QUIZ_MAX_PANEL[0]} height={QUIZ_MAX_PANEL[1]} name="classroom-ar-quiz">
          <QuizBody content={content} />
        </ViewSlot>
      )}
      {teacher && (
        <ViewSlot slot="center" width={1.4} height={CONSOLE_HEIGHT} name="classroom-ar-console">
          {/* The console faces the class (+z) from the teacher's spot; turned round, it faces the eye. */}
          <group rotation-y={Math.PI}>
            <TeacherPanel content={content} position={[0, CONSOLE_HEIGHT / 2, 0]} />
          </group>
        </ViewSlot>
      )}
      {teacher && (
        <ViewSlot slot="right" width={0.9} height={1.25} name="classroom-ar-room-code">
          <RoomBoard scene={scene} position={[0, 0, 0]} />
        </ViewSlot>
      )}
    </group>
  )
}
