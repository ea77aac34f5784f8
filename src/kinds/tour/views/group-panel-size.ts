// The group panel's headset sizes, apart from its component so a unit test can hold them to the slot
// maths: in XR the left view slot is a quarter metre wide (a fifth of the 64° comfort field at 1 m) and
// the XR menu (0.41 m) stands above it, which leaves ~0.25 m of height at full size.

/** The compact panel's size in metres: the XR menu's width, and short enough to stand under it at scale 1. */
export const XR_GROUP_PANEL = { width: 0.25, height: 0.24 } as const
/** Status text size in metres: cap ≈ 1° from the left slot's place (0.9° needs ≥ 0.024 there). */
export const XR_GROUP_TEXT = 0.028
/** Button label size in metres. */
export const XR_GROUP_LABEL = 0.03
