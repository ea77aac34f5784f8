// Colours and sizes the UI kit shares, tuned for reading at arm's length in a headset.
export const theme = {
  panel: '#f7f5f0',
  panelDark: '#20232a',
  text: '#1d1d1f',
  textOnDark: '#ffffff',
  primary: '#c8102e',
  primaryHover: '#e0243f',
  secondary: '#3a4a5c',
  secondaryHover: '#4e6177',
  danger: '#9b1c1c',
  selected: '#d4a017',
  disabled: '#9a9a9a',
  focus: '#ffd166',
  /** Body text height in metres: ~1.6° of view at 1.2 m, above the legibility floor on Quest 2. */
  bodySize: 0.04,
  titleSize: 0.06,
  buttonHeight: 0.09,
} as const

export type ButtonVariant = 'primary' | 'secondary' | 'danger'
