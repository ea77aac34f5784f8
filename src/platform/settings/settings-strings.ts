// The settings panel's words in both languages (3D panel and desktop dialog share them).
import type { LocalizedText } from '../../schema/common'

export const settingsStrings = {
  settings: { zh: '设置', en: 'Settings' },
  close: { zh: '关闭', en: 'Close' },
  turn: { zh: '转向方式', en: 'Turning' },
  snap30: { zh: '分段 30°', en: 'Snap 30°' },
  snap45: { zh: '分段 45°', en: 'Snap 45°' },
  smoothTurn: { zh: '平滑转向', en: 'Smooth' },
  smoothLocomotion: { zh: '摇杆平滑移动', en: 'Smooth walking (left stick)' },
  seated: { zh: '坐姿模式', en: 'Seated mode' },
  recenter: { zh: '重置视角', en: 'Recenter view' },
  volume: { zh: '音量', en: 'Volume' },
  subtitleSize: { zh: '字幕大小', en: 'Subtitle size' },
  narrationRate: { zh: '讲解语速', en: 'Narration speed' },
  rateSlow: { zh: '慢速', en: 'Slow' },
  rateNormal: { zh: '标准', en: 'Normal' },
  rateFast: { zh: '快速', en: 'Fast' },
  largeText: { zh: '大字体与高对比度', en: 'Large text & high contrast' },
  language: { zh: '语言', en: 'Language' },
  reset: { zh: '恢复默认', en: 'Reset to defaults' },
  a11yObjects: { zh: '场景中的可操作对象', en: 'Objects you can use in the scene' },
} satisfies Record<string, LocalizedText>

export type SettingsStringKey = keyof typeof settingsStrings

/** Subtitle scale range the settings allow (sanitizeSettings enforces the same bounds). */
export const SUBTITLE_SCALE_MIN = 0.75
export const SUBTITLE_SCALE_MAX = 2
