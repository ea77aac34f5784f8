// The platform's own UI words in both languages. Scene content brings its own { zh, en } texts.
import type { LocalizedText } from '../../schema/common'

export const uiStrings = {
  appName: { zh: 'XR 展示平台', en: 'XR Showcase' },
  lobbyIntro: {
    zh: '选择一个场景。戴上头显可进入 VR，没有头显也可以用鼠标或触屏浏览。',
    en: 'Choose a scene. Enter VR with a headset, or explore with mouse or touch.',
  },
  open: { zh: '进入场景', en: 'Open' },
  enterVR: { zh: '进入 VR', en: 'Enter VR' },
  enterAR: { zh: '进入 AR', en: 'Enter AR' },
  exitVR: { zh: '退出 VR', en: 'Exit VR' },
  exitAR: { zh: '退出 AR', en: 'Exit AR' },
  updateReady: { zh: '新版本已就绪', en: 'A new version is ready' },
  updateNow: { zh: '更新', en: 'Update' },
  backToLobby: { zh: '返回大厅', en: 'Back to lobby' },
  lobby: { zh: '大厅', en: 'Lobby' },
  loading: { zh: '正在加载…', en: 'Loading…' },
  language: { zh: '语言', en: 'Language' },
  switchLanguage: { zh: 'English', en: '中文' },
  sceneNotFound: { zh: '找不到这个场景', en: 'Scene not found' },
  sceneNotFoundDetail: { zh: '没有名为“{id}”的场景。', en: 'There is no scene called “{id}”.' },
  sceneBroken: { zh: '场景文件有错误', en: 'This scene file has errors' },
  sceneBrokenDetail: {
    zh: '内容作者需要修正以下问题，其他场景不受影响。',
    en: 'The content author needs to fix these problems; other scenes still work.',
  },
  loadFailed: { zh: '场景加载失败', en: 'The scene failed to load' },
  retry: { zh: '重试', en: 'Retry' },
  somethingWentWrong: { zh: '出现了问题', en: 'Something went wrong' },
  xrMissing: {
    zh: '此浏览器不支持 WebXR。可以继续用鼠标、键盘或触屏浏览；要进入 VR，请在头显的浏览器中打开本页。',
    en: 'This browser has no WebXR. Keep exploring with mouse, keyboard or touch; to enter VR, open this page in a headset browser.',
  },
  xrNeedsHttps: {
    zh: 'WebXR 需要 HTTPS：请打开 {url}（用 npm start -- --https 启动服务器）。',
    en: 'WebXR needs HTTPS: open {url} (start the server with npm start -- --https).',
  },
  xrUnsupported: {
    zh: '此设备不支持沉浸式 VR，已使用桌面模式。',
    en: 'This device does not support immersive VR; desktop mode is on.',
  },
  desktopHelp: {
    zh: '拖动查看 · WASD/方向键移动 · 点击地面前往',
    en: 'Drag to look · WASD/arrows to move · click the floor to walk there',
  },
  touchHelp: { zh: '拖动查看 · 点击地面前往', en: 'Drag to look · tap the floor to walk there' },
  errors: { zh: '错误', en: 'errors' },
} satisfies Record<string, LocalizedText>

export type UiStringKey = keyof typeof uiStrings
