// The teacher's console beside the platform: slides and slide tools, quiz, movement controls, the lab
// model, live voice (talk, mute all, the raised hands), the member list (give the floor, mute, spotlight,
// give model, remove) and live quiz results.
import { useLocalize } from '../../../platform/i18n'
import { Button, Panel, UiText, useDesktopViewShape } from '../../../platform/ui'
import { useVoiceChat } from '../../../platform/voice-chat'
import type { Vec3 } from '../../../schema/common'
import type { ClassroomContent } from '../../../schema/kinds/classroom'
import { setSlide, useClassroom } from '../classroom-store'
import { S } from '../classroom-strings'
import { consoleHeight, lecternPlacement, MEMBER_ROW } from '../logic/view-fit'
import {
  clearInk,
  clearModel,
  endClass,
  endQuiz,
  giveFloor,
  grantModel,
  muteAll,
  placeModel,
  setFollowMe,
  setMovementLock,
  setTool,
  startQuiz,
  summonAll,
  toggleTalk,
} from '../room-actions'
import { MemberRow } from './MemberRow'
import { ResultsBoard } from './ResultsBoard'

const W = 1.3
const BW = 0.24
/** The live results board beside the console (above it on a portrait screen), and the gap between. */
const RESULTS_W = 0.7
const RESULTS_GAP = 0.05
/** Key height: an English label takes two lines of the console's 0.04 type ("Water / molecule"). */
const KEY_H = 0.105

/** index.tsx places the console this far in front of the teacher spot; the desktop eye height. */
const BASE_DISTANCE = 1.3
const EYE = 1.6

/**
 * `position` is where the console's top edge stands: below the eye, so a desktop teacher sees the
 * class over it (a fixed 1.6 m panel at eye height hid the room), and a teacher in a headset looks down
 * at it like at a lectern. It stays upright: tilted, its keys' labels slanted on a desktop screen.
 */
export function TeacherPanel({
  content,
  position: placed,
  tilt = 0,
}: {
  content: ClassroomContent
  position: Vec3
  /** Radians the top leans away from the teacher: a headset's lectern faces the eye looking down at it. */
  tilt?: number
}) {
  const localize = useLocalize()
  const ui = useClassroom()
  const voice = useVoiceChat()
  const students = ui.members.filter((m) => m.role === 'student').slice(0, 8)
  const h = consoleHeight(students.length)
  const desktop = useDesktopViewShape()
  const portrait = !!desktop && desktop.aspect < 1
  // On a desktop the results board is in the window's fit beside the console (above it on a portrait
  // screen), so a quiz starting moves nothing under the pointer. A headset turns to it on the right.
  const beside = !!desktop && !portrait
  // Stepped back (away from the teacher, who faces +z) until the whole console fits the window.
  const { centreY, distance } = lecternPlacement(
    desktop,
    W + 0.1 + (beside ? RESULTS_GAP + RESULTS_W : 0),
    portrait ? 2 * h + RESULTS_GAP : h,
    placed[1] + (portrait ? h + RESULTS_GAP : 0),
    EYE,
    BASE_DISTANCE,
  )
  const position: Vec3 = [placed[0], centreY, placed[2] + (distance - BASE_DISTANCE)]
  // The fitted block's centre is `position`: the console left of the board, or under it when portrait.
  const shift = beside ? (RESULTS_GAP + RESULTS_W) / 2 : 0
  const consoleAt: Vec3 = portrait ? [0, -(h + RESULTS_GAP) / 2, 0] : [-shift, 0, 0]
  const resultsAt: Vec3 = portrait
    ? [0, (h + RESULTS_GAP) / 2, 0]
    : [(W + 0.1) / 2 + RESULTS_GAP + RESULTS_W / 2 - shift, 0, 0]
  const tool = ui.tool
  const top = h / 2
  const row = (i: number) => top - 0.2 - i * 0.125
  const col = (i: number) => -W / 2 + 0.15 + i * (BW + 0.02)
  return (
    <group position={position} rotation={[-tilt, Math.PI, 0]} rotation-order="YXZ" name="teacher-panel">
      <Panel width={W + 0.1} height={h} position={consoleAt}>
        <UiText text={localize(S.teacherPanel)} fontSize={0.05} position={[0, top - 0.06, 0.01]} />
        <Button
          name="teacher-prev"
          label={localize(S.prev)}
          width={BW}
          height={KEY_H}
          position={[col(0), row(0), 0.01]}
          onPress={() => setSlide(ui.slide - 1)}
        />
        <Button
          name="teacher-next"
          label={localize(S.next)}
          width={BW}
          height={KEY_H}
          variant="primary"
          position={[col(1), row(0), 0.01]}
          onPress={() => setSlide(ui.slide + 1)}
        />
        <Button
          name="teacher-laser"
          label={localize(S.laser)}
          width={BW}
          height={KEY_H}
          selected={tool === 'laser'}
          position={[col(2), row(0), 0.01]}
          onPress={() => setTool(tool === 'laser' ? 'none' : 'laser')}
        />
        <Button
          name="teacher-draw"
          label={localize(S.draw)}
          width={BW}
          height={KEY_H}
          selected={tool === 'draw'}
          position={[col(3), row(0), 0.01]}
          onPress={() => setTool(tool === 'draw' ? 'none' : 'draw')}
        />
        <Button
          name="teacher-ink-clear"
          label={localize(S.inkClear)}
          width={BW}
          height={KEY_H}
          position={[col(4), row(0), 0.01]}
          onPress={clearInk}
        />

        {ui.quizPhase === 'open' ? (
          <Button
            name="teacher-quiz-end"
            label={localize(S.endQuiz)}
            width={BW}
            height={KEY_H}
            variant="danger"
            position={[col(0), row(1), 0.01]}
            onPress={endQuiz}
          />
        ) : (
          <Button
            name="teacher-quiz-start"
            label={localize(S.startQuiz)}
            width={BW}
            height={KEY_H}
            variant="primary"
            position={[col(0), row(1), 0.01]}
            onPress={startQuiz}
          />
        )}
        <Button
          name="teacher-summon"
          label={localize(S.summon)}
          width={BW}
          height={KEY_H}
          position={[col(1), row(1), 0.01]}
          onPress={summonAll}
        />
        <Button
          name="teacher-follow"
          label={localize(S.follow)}
          width={BW}
          height={KEY_H}
          selected={ui.followId === ui.selfId}
          position={[col(2), row(1), 0.01]}
          onPress={() => setFollowMe(ui.followId !== ui.selfId)}
        />
        <Button
          name="teacher-lock"
          label={localize(ui.movementLocked ? S.unlock : S.lock)}
          width={BW}
          height={KEY_H}
          selected={ui.movementLocked}
          position={[col(3), row(1), 0.01]}
          onPress={() => setMovementLock(!ui.movementLocked)}
        />
        <Button
          name="teacher-end-class"
          label={localize(S.endClass)}
          width={BW}
          height={KEY_H}
          position={[col(4), row(1), 0.01]}
          onPress={endClass}
        />

        {content.labModels.slice(0, 3).map((m, i) => (
          <Button
            key={m.id}
            name={`teacher-model-${m.id}`}
            label={localize(m.title)}
            width={BW}
            height={KEY_H}
            selected={ui.modelId === m.id}
            position={[col(i), row(2), 0.01]}
            onPress={() => placeModel(m.id)}
          />
        ))}
        <Button
          name="teacher-model-clear"
          label={localize(S.removeModel)}
          width={BW}
          height={KEY_H}
          position={[col(3), row(2), 0.01]}
          onPress={clearModel}
        />
        <Button
          name="teacher-model-take-back"
          label={localize(S.takeBack)}
          width={BW}
          height={KEY_H}
          position={[col(4), row(2), 0.01]}
          onPress={() => grantModel('')}
        />

        <Button
          name="teacher-voice-talk"
          label={localize(voice.talking ? S.talking : S.talk)}
          width={BW}
          height={KEY_H}
          variant="primary"
          selected={voice.talking}
          disabled={voice.mic !== 'on'}
          position={[col(0), row(3), 0.01]}
          onPress={toggleTalk}
        />
        <Button
          name="teacher-voice-mute-all"
          label={localize(ui.allMuted ? S.unmuteAll : S.muteAll)}
          width={BW}
          height={KEY_H}
          selected={ui.allMuted}
          position={[col(1), row(3), 0.01]}
          onPress={() => muteAll(!ui.allMuted)}
        />
        <Button
          name="teacher-voice-take-floor"
          label={localize(S.takeFloor)}
          width={BW}
          height={KEY_H}
          disabled={!students.some((m) => m.floor)}
          position={[col(2), row(3), 0.01]}
          onPress={() => giveFloor('')}
        />
        <UiText
          name="teacher-voice-hands"
          text={handsLine(students, localize(S.handsUp), localize(S.noHands))}
          fontSize={0.04}
          anchorX="left"
          maxWidth={2 * BW}
          position={[col(3) - BW / 2, row(3), 0.01]}
        />

        <UiText
          text={`${localize(S.members)} (${students.length})`}
          fontSize={0.045}
          position={[-W / 2 + 0.2, row(4), 0.01]}
          anchorX="left"
        />
        {students.map((m, i) => (
          <MemberRow
            key={m.id}
            member={m}
            position={[0, row(4) - MEMBER_ROW * (i + 1), 0.01]}
            left={-W / 2 + 0.01}
            right={W / 2 + 0.03}
            speaking={voice.speaking.includes(m.id)}
            spotlit={ui.spotlightId === m.id}
            hasModel={ui.modelController === m.id}
          />
        ))}
      </Panel>
      <ResultsBoard position={resultsAt} width={portrait ? W + 0.1 : RESULTS_W} height={h} />
    </group>
  )
}

/** Who has a hand up (first names only, so the line fits), or that nobody has. */
function handsLine(students: Array<{ name: string; hand: boolean }>, template: string, none: string): string {
  const names = students.filter((m) => m.hand).map((m) => m.name)
  return names.length === 0 ? none : template.replace('{names}', names.join('、'))
}
