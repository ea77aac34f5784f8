// The AR presentation's own words in both languages.
export const arStrings = {
  placeHint: {
    zh: '把手柄或手指向桌面，扣动扳机或捏合手指放置模型',
    en: 'Point at a table, then pull the trigger or pinch to place the model',
  },
  searching: {
    zh: '正在寻找桌面或地面…请慢慢环顾四周',
    en: 'Looking for a table or the floor… look around slowly',
  },
  turnLeft: { zh: '左转', en: 'Turn left' },
  turnRight: { zh: '右转', en: 'Turn right' },
  smaller: { zh: '缩小', en: 'Smaller' },
  larger: { zh: '放大', en: 'Larger' },
  reset: { zh: '复位', en: 'Reset' },
  placeAgain: { zh: '重新放置', en: 'Place again' },
  backToTable: { zh: '回到桌面 AR', en: 'Back to the table' },
} as const
