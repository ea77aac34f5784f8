// The teacher's console beside the platform: slides and slide tools, quiz, movement controls, the lab
// model, live voice (talk, mute all, the raised hands), the member list a page at a time (give the floor,
// mute, spotlight, give model, remove) and live quiz results.
import { fillPlaceholders, useLocalize } from '../../../platform/i18n'
import {
  Button,
  type ButtonProps,
  cutToFit,
  labelEm,
  lecternPlacement,
  lineEm,
  Panel,
  UiText,
  useDesktopViewShape,
} from '../../../platform/ui'
import { useVoiceChat } from '../../../platform/voice-chat'
import type { Vec3 } from '../../../schema/common'
import type { ClassroomContent } from '../../../schema/kinds/classroom'
import { setSlide, useClassroom } from '../classroom-store'
import { S } from '../classroom-strings'
import { CONSOLE_HEIGHT } from '../logic/console-size'
import { handsLine } from '../logic/member-row'
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
import { MemberList } from './MemberList'
import { ResultsBoard } from './ResultsBoard'

const W = 1.3
const BW = 0.24
/**
 * The key grid's columns and rows, from the console's centre line and its top edge. The console has no
 * title row: what it is shows in its keys, and the 0.12 m went to a second member row on every page.
 */
const col = (i: number) => -W / 2 + 0.15 + i * (BW + 0.02)
const row = (i: number) => -0.08 - i * 0.125
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
 * at it like at a lectern. It stays upright on a desktop (tilted, its keys' labels slanted on the screen);
 * in a headset the caller may lean it back (`tilt`) so its lowest rows face the eye.
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
  const students = ui.members.filter((m) => m.role === 'student')
  const h = CONSOLE_HEIGHT
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
  return (
    <group position={position} rotation={[-tilt, Math.PI, 0]} rotation-order="YXZ" name="teacher-panel">
      <Panel width={W + 0.1} height={h} position={consoleAt}>
        {/* Rows are laid from the top edge down; the member list pages, so the height never changes. */}
        <group position={[0, top, 0]}>
          <ConsoleKey
            name="teacher-prev"
            label={localize(S.prev)}
            onPress={() => setSlide(ui.slide - 1)}
            at={[0, 0]}
          />
          <ConsoleKey
            name="teacher-next"
            label={localize(S.next)}
            variant="primary"
            onPress={() => setSlide(ui.slide + 1)}
            at={[1, 0]}
          />
          <ConsoleKey
            name="teacher-laser"
            label={localize(S.laser)}
            selected={tool === 'laser'}
            onPress={() => setTool(tool === 'laser' ? 'none' : 'laser')}
            at={[2, 0]}
          />
          <ConsoleKey
            name="teacher-draw"
            label={localize(S.draw)}
            selected={tool === 'draw'}
            onPress={() => setTool(tool === 'draw' ? 'none' : 'draw')}
            at={[3, 0]}
          />
          <ConsoleKey name="teacher-ink-clear" label={localize(S.inkClear)} onPress={clearInk} at={[4, 0]} />

          {ui.quizPhase === 'open' ? (
            <ConsoleKey
              name="teacher-quiz-end"
              label={localize(S.endQuiz)}
              variant="danger"
              onPress={endQuiz}
              at={[0, 1]}
            />
          ) : (
            <ConsoleKey
              name="teacher-quiz-start"
              label={localize(S.startQuiz)}
              variant="primary"
              onPress={startQuiz}
              at={[0, 1]}
            />
          )}
          <ConsoleKey name="teacher-summon" label={localize(S.summon)} onPress={summonAll} at={[1, 1]} />
          <ConsoleKey
            name="teacher-follow"
            label={localize(S.follow)}
            selected={ui.followId === ui.selfId}
            onPress={() => setFollowMe(ui.followId !== ui.selfId)}
            at={[2, 1]}
          />
          <ConsoleKey
            name="teacher-lock"
            label={localize(ui.movementLocked ? S.unlock : S.lock)}
            selected={ui.movementLocked}
            onPress={() => setMovementLock(!ui.movementLocked)}
            at={[3, 1]}
          />
          <ConsoleKey name="teacher-end-class" label={localize(S.endClass)} onPress={endClass} at={[4, 1]} />

          {content.labModels.slice(0, 3).map((m, i) => (
            <ConsoleKey
              key={m.id}
              name={`teacher-model-${m.id}`}
              label={localize(m.title)}
              selected={ui.modelId === m.id}
              onPress={() => placeModel(m.id)}
              at={[i, 2]}
            />
          ))}
          <ConsoleKey
            name="teacher-model-clear"
            label={localize(S.removeModel)}
            onPress={clearModel}
            at={[3, 2]}
          />
          <ConsoleKey
            name="teacher-model-take-back"
            label={localize(S.takeBack)}
            onPress={() => grantModel('')}
            at={[4, 2]}
          />

          <ConsoleKey
            name="teacher-voice-talk"
            label={localize(voice.talking ? S.talking : S.talk)}
            variant="primary"
            selected={voice.talking}
            disabled={voice.mic !== 'on'}
            onPress={toggleTalk}
            at={[0, 3]}
          />
          <ConsoleKey
            name="teacher-voice-mute-all"
            label={localize(ui.allMuted ? S.unmuteAll : S.muteAll)}
            selected={ui.allMuted}
            onPress={() => muteAll(!ui.allMuted)}
            at={[1, 3]}
          />
          <ConsoleKey
            name="teacher-voice-take-floor"
            label={localize(S.takeFloor)}
            disabled={!students.some((m) => m.floor)}
            onPress={() => giveFloor('')}
            at={[2, 3]}
          />
          <UiText
            name="teacher-voice-hands"
            text={handsLine(
              students.filter((m) => m.hand).map((m) => m.name),
              (names) => fillPlaceholders(localize(S.handsUp), { names }),
              localize(S.noHands),
              HANDS_EM,
              cutToFit,
              labelEm,
            )}
            fontSize={0.04}
            anchorX="left"
            maxWidth={2 * BW}
            position={[col(3) - BW / 2, row(3), 0.01]}
          />

          <MemberList
            students={students}
            top={row(4)}
            left={-W / 2 + 0.01}
            right={W / 2 + 0.03}
            speaking={voice.speaking}
            spotlightId={ui.spotlightId}
            modelController={ui.modelController}
            page={ui.memberPage}
          />
        </group>
      </Panel>
      <ResultsBoard position={resultsAt} width={portrait ? W + 0.1 : RESULTS_W} height={h} />
    </group>
  )
}

/** A key of the console's grid: every one the same size and type, at column `at[0]` of row `at[1]`. */
function ConsoleKey({
  at: [c, r],
  ...props
}: Omit<ButtonProps, 'width' | 'height' | 'position'> & { at: [number, number] }) {
  return <Button {...props} width={BW} height={KEY_H} position={[col(c), row(r), 0.01]} />
}

/** The hands line's room: two keys' width at the console's type (a 24-character name wrapped it). */
const HANDS_EM = lineEm(2 * BW, 0.04)
