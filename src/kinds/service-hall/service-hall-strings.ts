// The kind's own UI labels, zh first. Scene content (matters, windows, events) comes from scene.json.
import type { LocalizedText } from '../../schema/common'

const t = (zh: string, en: string): LocalizedText => ({ zh, en })

export const strings = {
  iWantTo: t('我要办…', 'I want to…'),
  pickEvent: t('请选择你要办的事', 'Choose what you want to do'),
  back: t('返回', 'Back'),
  restart: t('重新选择', 'Start over'),
  mattersTitle: t('需要办理的事项', 'Matters to apply for'),
  checklistTitle: t('材料清单（点一下打勾）', 'Checklist (tap to tick)'),
  issuedOnTheWay: t('办理中取得', 'issued on the way'),
  window: t('号窗口', 'window '),
  takeTicketHere: t('去取号机取号', 'Go to the ticket machine'),
  guideMe: t('带我去', 'Take me there'),
  showQr: t('手机扫码带走清单', 'Scan to take the list'),
  hideQr: t('收起二维码', 'Hide QR code'),
  ticketMachine: t('取号机', 'Ticket machine'),
  takeTicket: t('取号', 'Take a ticket'),
  yourTicket: t('您的号码', 'Your number'),
  peopleAhead: t('前面还有 {n} 人，约 {m} 分钟', '{n} ahead, about {m} min'),
  nowCalling: t('请 {ticket} 号到 {window} 号窗口办理', 'Ticket {ticket}, please go to window {window}'),
  yourTurn: t('轮到您了！请到 {window} 号窗口', 'Your turn! Please go to window {window}'),
  callScreenTitle: t('叫号信息', 'Now serving'),
  waitingArea: t('等候区', 'Waiting area'),
  guidanceDesk: t('导办台', 'Guidance desk'),
  selfService: t('自助服务区', 'Self-service'),
  entrance: t('入口', 'Entrance'),
  follow: t('跟着走', 'Follow'),
  arrived: t('已到达', 'You have arrived'),
  routeTo: t('前往 {place}', 'To {place}'),
  askClerk: t('请问有什么可以帮您？', 'How can I help you?'),
  typeQuestion: t('输入问题', 'Type a question'),
  speak: t('说话提问', 'Speak'),
  listening: t('正在听…', 'Listening…'),
  send: t('提问', 'Ask'),
  keyboard: t('键盘', 'Keyboard'),
  close: t('关闭', 'Close'),
  search: t('搜索事项', 'Search matters'),
  searchHint: t('输入汉字、拼音或首字母，如 sbk', 'Type Chinese, pinyin or initials, e.g. sbk'),
  noResults: t('没有找到，请到综合窗口咨询', 'Nothing found; please ask at the general window'),
  elderlyOn: t('长辈模式', 'Senior mode'),
  elderlyOff: t('标准模式', 'Standard mode'),
  timeLimit: t('时限', 'Time limit'),
  fee: t('收费', 'Fee'),
  online: t('网办', 'Online'),
  days: t('{n}个工作日', '{n} working days'),
  onTheSpot: t('即办', 'on the spot'),
  welcome: t(
    '欢迎来到市民服务中心。请在导办台告诉我您要办什么，我带您找到事项、材料和窗口。',
    'Welcome to the service centre. Tell me at the guidance desk what you need, and I will find the matters, documents and window for you.',
  ),
} satisfies Record<string, LocalizedText>

/** Fills {name} placeholders. */
export function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`))
}
