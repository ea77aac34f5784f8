// Words of the twin's access control (operator code prompt, operator mode) and of its server notices
// (a refused `?mqtt=` broker, history not saved), Chinese first. Kept apart from twin-strings.ts so the
// access feature is one small set of files.
import type { LocalizedText } from '../../schema/common'

const t = (zh: string, en: string): LocalizedText => ({ zh, en })

export const twinAccessStrings = {
  operatorTitle: t('请输入操作员口令', 'Enter the operator code'),
  operatorWhy: t(
    '控制设备和保存巡检报告需要操作员口令。',
    'Controls and inspection reports need the operator code.',
  ),
  operatorChecking: t('正在验证…', 'Checking…'),
  operatorRefused: t('口令错误，请重试。', 'Wrong code, try again.'),
  operatorLocked: t('尝试次数过多，请稍后再试。', 'Too many tries: wait and try again.'),
  operatorUnavailable: t('无法连接服务器验证口令。', 'Cannot reach the server to check the code.'),
  operatorMode: t('操作员模式', 'Operator mode'),
  operatorLeave: t('退出操作员模式', 'Leave operator mode'),
  operatorNeeded: t('需要操作员口令', 'Operator code needed'),
  brokerRefused: t(
    '已拒绝外部数据源 {url}：不在服务器允许列表中（TWIN_MQTT_ALLOW），改用园区服务器。',
    'External broker {url} refused: not on the server allowlist (TWIN_MQTT_ALLOW); using the park server.',
  ),
  historyNotSaved: t(
    '历史数据未保存：服务器磁盘已满或只读（{n} 条暂存于内存）',
    'History not saved: the server disk is full or read-only ({n} kept in memory)',
  ),
}
