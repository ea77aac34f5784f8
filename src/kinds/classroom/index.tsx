// Entry of the "classroom" kind: a shared VR classroom. Before joining, a join panel; once in, the slide
// screen, lab model station, avatars, room code board, and the teacher's console or the student's quiz.
// Solo mode runs the same room without a server: walk, read the slides, take the quiz locally.
// In AR the lab station and a miniature slide screen stand on the visitor's desk (views/ClassroomAR.tsx).
import { useEffect } from 'react'
import { useInAR } from '../../platform/ar'
import { teleportPlayer } from '../../platform/locomotion'
import { PushToTalkControls } from '../../platform/voice-chat'
import { useXRSession } from '../../platform/xr'
import type { SceneOfKind } from '../../schema/scene-schema'
import { leaveClass, resumeClass, useClassroom } from './classroom-store'
import { registerClassroomDebugView } from './debug'
import { Avatars } from './views/Avatars'
import { ClassNotice } from './views/ClassNotice'
import { ClassroomAR } from './views/ClassroomAR'
import { ClassroomRoom } from './views/ClassroomRoom'
import { JoinPanel } from './views/JoinPanel'
import { ModelStation } from './views/ModelStation'
import { PoseSender } from './views/PoseSender'
import { QuizPanel } from './views/QuizPanel'
import { RoomBoard } from './views/RoomBoard'
import { SlideScreen } from './views/SlideScreen'
import { TeacherPanel } from './views/TeacherPanel'
import { VoicePanel } from './views/VoicePanel'

export default function ClassroomExperience({ scene }: { scene: SceneOfKind<'classroom'> }) {
  const content = scene.classroom
  const mode = useClassroom((s) => s.mode)
  const role = useClassroom((s) => s.role)
  const selfId = useClassroom((s) => s.selfId)
  const { teacherSpot, screenPosition } = content.layout

  useEffect(() => {
    const unregister = registerClassroomDebugView(scene.id, content)
    // A reload within the reconnection window rejoins as the same member, seat and role.
    void resumeClass(scene.id, content)
    return () => {
      unregister()
      void leaveClass()
    }
  }, [scene.id, content])

  // On joining, go to your place: the teacher to the front, each student to their seat.
  useEffect(() => {
    if (mode !== 'online' || !selfId) return
    const me = useClassroom.getState().members.find((m) => m.id === selfId)
    if (role === 'teacher') teleportPlayer(teacherSpot, 180)
    else {
      const seat = content.seats.find((s) => s.id === me?.seatId)
      if (seat) teleportPlayer(seat.position, seat.yaw)
    }
  }, [mode, role, selfId, content.seats, teacherSpot])

  const online = mode === 'online'
  const ar = useInAR()
  const xr = useXRSession((s) => s.mode !== null)
  if (ar)
    // Other members' figures are left out: they would stand at classroom seats scattered over the real room.
    return (
      <>
        <ClassroomAR scene={scene.id} content={content} />
        {online && <PoseSender rateHz={content.settings.avatarRateHz} />}
        {online && role === 'student' && <VoicePanel />}
        {online && <PushToTalkControls />}
        {online && <ClassNotice />}
      </>
    )
  return (
    <>
      <ClassroomRoom content={content} />
      <SlideScreen content={content} />
      <ModelStation content={content} />
      <RoomBoard
        scene={scene.id}
        position={[screenPosition[0] - content.layout.screenSize[0] / 2 - 0.8, 1.7, screenPosition[2] + 0.05]}
      />
      {(mode === 'join' || mode === 'connecting' || mode === 'ended') && (
        <JoinPanel
          scene={scene.id}
          content={content}
          position={[scene.spawn.position[0], 1.45, scene.spawn.position[2] - 1.2]}
        />
      )}
      {online && <Avatars content={content} />}
      {online && <PoseSender rateHz={content.settings.avatarRateHz} />}
      {online && role === 'teacher' && (
        <TeacherPanel
          content={content}
          // In a headset a little lower and leaning back like a lectern: its top under the XR menu's slot,
          // its lowest keys' labels facing the eye at the legibility angle, its corners in the comfort field.
          position={
            xr ? [teacherSpot[0], 1.27, teacherSpot[2] + 1.35] : [teacherSpot[0], 1.4, teacherSpot[2] + 1.3]
          }
          tilt={xr ? 0.35 : 0}
        />
      )}
      {((online && role === 'student') || mode === 'solo') && <QuizPanel content={content} />}
      {online && role === 'student' && <VoicePanel />}
      {online && <PushToTalkControls />}
      {online && <ClassNotice />}
    </>
  )
}
