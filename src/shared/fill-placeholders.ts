// Fills {name} placeholders in a localized string; one rule for every kind and the platform: a missing
// value leaves its placeholder visible rather than printing "undefined".
export function fillPlaceholders(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => (name in vars ? String(vars[name]) : `{${name}}`))
}
