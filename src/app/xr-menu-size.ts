// The XR menu's size, apart from its component so a unit test can hold it to the layout rules: as wide
// as the left view slot in a headset (XR_COMFORT: a fifth of 64° at SLOT_DISTANCE, 0.25 m), so the slot
// draws it at full size. At 0.34 m it was shrunk to three quarters and its labels fell to 0.7–0.77°.
export const XR_MENU = {
  width: 0.25,
  height: 0.41,
  button: { width: 0.23, height: 0.07, fontSize: 0.03 },
} as const
