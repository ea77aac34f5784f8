// The kiosk's words in both languages: the attract loop's call and the staff exit prompt.
import type { LocalizedText } from '../../schema/common'

export const kioskStrings = {
  call: { zh: '触摸屏幕，开始体验', en: 'Touch to start' },
  /** Under the call, in the other language, for a visitor who reads that one. */
  callOther: { zh: 'Touch to start', en: '触摸屏幕，开始体验' },
  showing: { zh: '正在展示', en: 'Now showing' },
  staffTitle: { zh: '工作人员退出', en: 'Staff exit' },
  staffHint: {
    zh: '输入操作员代码以退出展台模式。',
    en: 'Enter the operator code to leave kiosk mode.',
  },
  staffCode: { zh: '操作员代码', en: 'Operator code' },
  staffSubmit: { zh: '退出展台模式', en: 'Leave kiosk mode' },
  staffCancel: { zh: '取消', en: 'Cancel' },
  staffChecking: { zh: '正在验证…', en: 'Checking…' },
  staffWrong: { zh: '代码错误，请重试。', en: 'Wrong code. Try again.' },
  staffLocked: {
    zh: '尝试次数过多，请 {seconds} 秒后再试。',
    en: 'Too many tries. Try again in {seconds} s.',
  },
  staffFailed: { zh: '无法连接服务器，请稍后再试。', en: 'Cannot reach the server. Try again later.' },
} satisfies Record<string, LocalizedText>
