// The ui service's public surface: kinds and the app import from here, never from its files.
export * from './Button'
export * from './cjk-line-break'
export * from './Dialog'
export * from './font'
export * from './HeadFollow'
export * from './InfoCard'
export * from './Interactive'
export * from './keyboard/keyboard-editing'
export * from './keyboard/keyboard-layout'
export type { Speller } from './keyboard/pinyin-speller'
export * from './keyboard/VirtualKeyboard'
export * from './List'
export * from './LiveText'
export * from './Panel'
export * from './Slider'
export * from './Toggle'
export * from './Tooltip'
export * from './theme'
export * from './UiText'
export * from './ui-probe'

/** pinyin-pro's dictionary is ~150 KB gzip: callers load the speller when they need it, never eagerly. */
export const loadPinyinSpeller = () => import('./keyboard/pinyin-speller').then((m) => m.pinyinSpeller)
