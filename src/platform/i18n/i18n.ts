// Two languages, zh first. The language lives in the URL route, so switching is instant (no reload)
// and a deep link keeps it. Missing English falls back to Chinese.
import type { LocalizedText } from '../../schema/common'
import { fillPlaceholders } from '../../shared/fill-placeholders'
import type { Lang } from '../url/app-url'
import { useRoute } from '../url/route-store'
import { type UiStringKey, uiStrings } from './ui-strings'

export type { Lang }

export function localize(text: LocalizedText, lang: Lang): string {
  return lang === 'en' && text.en.trim() ? text.en : text.zh
}

export function useLang(): Lang {
  return useRoute((s) => s.lang)
}

export function useLocalize(): (text: LocalizedText) => string {
  const lang = useLang()
  return (text) => localize(text, lang)
}

/** A platform UI string, with {name} placeholders filled in. */
export function uiText(key: UiStringKey, lang: Lang, vars: Record<string, string> = {}): string {
  return fillPlaceholders(localize(uiStrings[key], lang), vars)
}

export function useUiText(): (key: UiStringKey, vars?: Record<string, string>) => string {
  const lang = useLang()
  return (key, vars) => uiText(key, lang, vars)
}

export function setLang(lang: Lang): void {
  useRoute.getState().replace({ lang })
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en'
}
