// Which scenes a class on this server process is answering a quiz for right now. Solo grading refuses
// those scenes' questions, so a student cannot open the scene alone and learn the answers from the grader
// mid-quiz (the graded response names the correct choices). Rooms report open and close; the record is
// in memory because the rooms are too (with Redis, each process guards the rooms it hosts).
export class LiveQuizzes {
  private readonly sceneByRoom = new Map<string, string>()

  open(roomId: string, scene: string): void {
    this.sceneByRoom.set(roomId, scene)
  }

  close(roomId: string): void {
    this.sceneByRoom.delete(roomId)
  }

  isLive(scene: string): boolean {
    for (const s of this.sceneByRoom.values()) if (s === scene) return true
    return false
  }
}

export const LIVE_QUIZ_REFUSAL =
  'a class on this server is answering this quiz right now: solo answers are graded again once that quiz ends'
