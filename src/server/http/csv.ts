// One CSV field rule for every export (quiz results, inspection reports): quoted where needed, and a
// cell that a spreadsheet would run as a formula (leading = + - @, tab or return) defused with a
// leading apostrophe and quoted, so names and ids stay text.
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe
}
