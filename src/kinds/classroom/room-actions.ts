// The actions that only send to the room: the teacher's controls (tool, laser, ink, quiz, movement,
// spotlight, lab model), the model drag and this member's avatar pose. In solo mode they do nothing.
import type { PoseTuple } from '../../shared/classroom/classroom-messages'
import { classVoice, live, send, type TeacherTool, useClassroom } from './classroom-store'

export function setTool(tool: TeacherTool): void {
  useClassroom.setState({ tool })
  if (tool !== 'laser') showLaser(false, live.laser.u, live.laser.v)
}

/** Moves (or hides) the teacher's laser dot: locally at once, for everyone through the room. */
export function showLaser(on: boolean, u: number, v: number): void {
  live.laser.on = on
  live.laser.u = u
  live.laser.v = v
  send('laser', { on, u, v })
}

export function addStroke(points: number[]): void {
  if (points.length >= 4) send('annotation:add', { points })
}

export const clearInk = () => void send('annotation:clear', {})
export const startQuiz = () => void send('quiz:start', {})
export const endQuiz = () => void send('quiz:end', {})
export const summonAll = () => void send('teacher:summon', {})
export const setFollowMe = (on: boolean) => void send('teacher:follow', { on })
export const setMovementLock = (locked: boolean) => void send('teacher:lock', { locked })
export const setSpotlight = (sessionId: string) => void send('teacher:spotlight', { sessionId })
/** Ends the class for everyone (teacher): the room closes and does not come back after a restart. */
export const endClass = () => void send('class:end', {})
export const removeMember = (sessionId: string) => void send('teacher:kick', { sessionId })
export const placeModel = (modelId: string) => void send('model:place', { modelId })
export const clearModel = () => void send('model:clear', {})
/** Hands the lab model to a member, or back to the teacher with ''. */
export const grantModel = (sessionId: string) => void send('model:grant', { sessionId })

/** Starts or ends this member's drag of the lab model (the local pose leads while dragging). */
export function setModelDragging(dragging: boolean): void {
  live.modelDragging = dragging
}

/** Sends the lab model's local pose to the room (the controlling member only). */
export function sendModelPose(): void {
  const p = live.modelPose
  send('model:pose', { pose: [p[0], p[1], p[2], p[3], p[4], p[5], p[6]] })
}

/** Sends this member's avatar pose (head, and hands when tracked). */
export function sendPose(head: PoseTuple, left?: PoseTuple, right?: PoseTuple): void {
  send('pose', { head, ...(left ? { left } : {}), ...(right ? { right } : {}) })
}

// ---- live voice -----------------------------------------------------------------------------------------

/** A student raises or lowers a hand to ask the teacher for the floor. */
export const raiseHand = (up: boolean) => void send('voice:hand', { up })
/** The teacher gives the floor to a student (or takes it back with ''). */
export const giveFloor = (sessionId: string) => void send('voice:floor', { sessionId })
/** The teacher mutes or unmutes one student. */
export const muteStudent = (sessionId: string, muted: boolean) =>
  void send('voice:mute', { sessionId, muted })
/** The teacher mutes or unmutes every student. */
export const muteAll = (muted: boolean) => void send('voice:mute-all', { muted })
/** The on-screen talk button: talk, or stop (the key and controller buttons are held instead). */
export const toggleTalk = () => classVoice()?.toggleTalk()
