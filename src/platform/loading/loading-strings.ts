// The loader's words in both languages.
import type { LocalizedText } from '../../schema/common'

export const loadingStrings = {
  loadingScene: { zh: '正在加载场景', en: 'Loading the scene' },
  loaded: { zh: '已下载', en: 'Downloaded' },
} satisfies Record<string, LocalizedText>
