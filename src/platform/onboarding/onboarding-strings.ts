// The first-time help's words in both languages, for the screen overlay and the in-headset hints.
import type { LocalizedText } from '../../schema/common'

export const onboardingStrings = {
  title: { zh: '欢迎！这样操作', en: 'Welcome! Here is how it works' },
  look: { zh: '拖动画面：环顾四周', en: 'Drag the view: look around' },
  lookTouch: { zh: '手指拖动：环顾四周', en: 'Drag with a finger: look around' },
  move: {
    zh: '点击地面：走到那里（也可用 WASD 或方向键）',
    en: 'Click the floor: walk there (or WASD / arrow keys)',
  },
  moveTouch: { zh: '轻点地面：走到那里', en: 'Tap the floor: walk there' },
  select: { zh: '点击按钮和展品：操作与查看', en: 'Click buttons and exhibits: use and explore' },
  selectTouch: { zh: '轻点按钮和展品：操作与查看', en: 'Tap buttons and exhibits: use and explore' },
  menu: {
    zh: '顶部栏：返回大厅、设置、语言、进入 VR',
    en: 'Top bar: back to lobby, settings, language, enter VR',
  },
  dismiss: { zh: '点击任意处或按任意键开始', en: 'Click anywhere or press any key to start' },
  dismissTouch: { zh: '轻点任意处开始', en: 'Tap anywhere to start' },
  start: { zh: '开始参观', en: 'Start' },
  // In the headset, next to the visitor's own controllers and hands.
  xrTitle: { zh: '操作提示', en: 'How to use' },
  xrRight: {
    zh: '指向并按扳机：选择\n摇杆前推再松开：瞬移\n摇杆左右：转向',
    en: 'Point + trigger: select\nStick forward, release: teleport\nStick left/right: turn',
  },
  xrLeft: { zh: '菜单在左下方\nY 键：设置', en: 'Menu: low on your left\nY button: settings' },
  xrHand: {
    zh: '指向并捏合：选择\n指向地面捏合：走到那里',
    en: 'Point + pinch: select\nPinch at the floor: walk there',
  },
  xrHandLeft: { zh: '菜单在左下方', en: 'Menu: low on your left' },
  skip: { zh: '知道了', en: 'Got it' },
} satisfies Record<string, LocalizedText>
