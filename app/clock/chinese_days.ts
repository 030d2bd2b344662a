import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' }
import type { DateOverride } from './calendar.js'

/**
 * chinese-days stores 'English,中文,festivalId' per date, and shortens some
 * names (中秋). The State Council notices say 中秋节, so the calendar does too.
 */
const FULL_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' }

/**
 * The official holidays and adjusted working days (调休) bundled with the
 * `chinese-days` package, as calendar overrides, plus the years they cover.
 *
 * @example
 * const { overrides, years } = chineseDaysOverrides([2025, 2026])
 * // overrides: [{ date: '2025-01-01', kind: 'holiday', name: '元旦' }, ...]
 * // years: [2025, 2026]
 *
 * NOTE: a year counts as covered when the package has any holiday in it; the
 * package is updated when the State Council publishes (around November), so a
 * stale install simply leaves the next year out and deadlines into it are
 * flagged as incomplete.
 */
export function chineseDaysOverrides(years?: Iterable<number>): {
  overrides: DateOverride[]
  years: number[]
} {
  const wanted = years ? new Set(years) : undefined
  const covered = new Set<number>()
  const overrides: DateOverride[] = []
  const collect = (entries: Record<string, string>, kind: DateOverride['kind']) => {
    for (const [date, label] of Object.entries(entries)) {
      const year = Number(date.slice(0, 4))
      if (wanted && !wanted.has(year)) continue
      if (kind === 'holiday') covered.add(year)
      const chinese = label.split(',')[1] ?? label
      overrides.push({ date, kind, name: FULL_NAMES[chinese] ?? chinese })
    }
  }
  collect(data.holidays, 'holiday')
  collect(data.workdays, 'workday')
  overrides.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  return { overrides, years: [...covered].sort((a, b) => a - b) }
}
