// The teacher console's size: the same for any class (the member list pages), so nothing on it moves
// as students come and go.
import { MEMBERS_PER_PAGE } from './member-row'

/** One member row of the teacher console. */
export const MEMBER_ROW = 0.085

/** The teacher console's height: four key rows, the members heading and one page of member rows. */
export const CONSOLE_HEIGHT = 0.65 + MEMBER_ROW * MEMBERS_PER_PAGE
