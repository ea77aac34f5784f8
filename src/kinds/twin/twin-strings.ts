// The twin kind's own UI words, Chinese first. Scene content (asset names, rule messages) comes from the scene file.
import type { LocalizedText } from '../../schema/common'

const t = (zh: string, en: string): LocalizedText => ({ zh, en })

export const twinStrings = {
  source: t('数据源', 'Data source'),
  sourceServer: t('园区服务器', 'Park server'),
  sourceExternal: t('外部 MQTT 代理', 'External MQTT broker'),
  sourceSimulator: t('浏览器内模拟', 'In-browser simulator'),
  connecting: t('连接中…', 'Connecting…'),
  online: t('实时', 'Live'),
  stale: t('数据已过时（连接中断）', 'Data stale (disconnected)'),
  replaying: t('历史回放', 'Replay'),
  alerts: t('告警', 'Alerts'),
  noAlerts: t('暂无告警', 'No alerts'),
  ack: t('确认', 'Ack'),
  acked: t('已确认', 'Acked'),
  severityInfo: t('提示', 'Info'),
  severityWarning: t('预警', 'Warning'),
  severityCritical: t('严重', 'Critical'),
  close: t('关闭', 'Close'),
  chart24h: t('24 小时功率曲线（红线：合同容量）', '24 h power (red: contract limit)'),
  hvac: t('空调', 'HVAC'),
  lighting: t('照明', 'Lighting'),
  chargers: t('充电桩', 'Chargers'),
  turnOn: t('开启', 'Turn on'),
  turnOff: t('关闭', 'Turn off'),
  confirmTitle: t('确认操作', 'Confirm'),
  confirmQuestion: t('确定要{action}“{asset}”的{control}吗？', '{action} {control} of “{asset}”?'),
  confirm: t('确定', 'Confirm'),
  cancel: t('取消', 'Cancel'),
  cmdPending: t('等待执行…', 'Pending…'),
  cmdAcknowledged: t('已执行', 'Acknowledged'),
  cmdRefused: t('被拒绝', 'Refused'),
  cmdTimedOut: t('超时未响应', 'Timed out'),
  replay: t('历史回放', 'History replay'),
  replayLoading: t('正在加载历史…', 'Loading history…'),
  replayEmpty: t('暂无历史数据', 'No history yet'),
  backToLive: t('返回实时', 'Back to live'),
  play: t('播放', 'Play'),
  pause: t('暂停', 'Pause'),
  inspection: t('开始巡检', 'Start inspection'),
  inspectionStop: t('巡检 {n}/{total}', 'Stop {n}/{total}'),
  pass: t('通过', 'Pass'),
  fail: t('不通过', 'Fail'),
  anomalies: t('异常', 'Anomalies'),
  noAnomalies: t('无异常', 'No anomalies'),
  reportSaved: t(
    '巡检报告已保存（编号 {id}），导出 CSV：{url}',
    'Inspection report saved (no. {id}); CSV: {url}',
  ),
  reportFailed: t('报告保存失败：{reason}', 'Report not saved: {reason}'),
  saving: t('正在保存报告…', 'Saving report…'),
  finish: t('完成', 'Done'),
  inspector: t('VR 巡检员', 'VR inspector'),
  statusRead: t('{asset}。{readings}。{anomalies}', '{asset}. {readings}. {anomalies}'),
  fieldSensors: t('现场传感器 {n} 个', '{n} field sensors'),
} satisfies Record<string, LocalizedText>

export type TwinStringKey = keyof typeof twinStrings

export function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`))
}
