/** Latency summaries and the markdown-style tables the benches print (as bench/clock.ts does). */

export interface Summary {
  count: number
  p50: number
  p95: number
  p99: number
  max: number
  mean: number
}

/** Nearest-rank percentile of ascending `sorted`. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    mean: sorted.reduce((sum, value) => sum + value, 0) / Math.max(sorted.length, 1),
  }
}

export const fmt = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '-'

/** Terminal columns: Chinese characters take two. */
const width = (text: string) =>
  [...text].reduce((sum, char) => sum + (/[\u3000-\u9fff\uff00-\uffef]/.test(char) ? 2 : 1), 0)

/**
 * A markdown table: by default the first column left-aligned and the others
 * right-aligned, as in bench/clock.ts; `leftColumns` are left-aligned too.
 */
export function printTable(rows: string[][], leftColumns = 1): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => width(row[c] ?? ''))))
  const left = (c: number) => c < leftColumns
  const pad = (cell: string, c: number) => {
    const fill = ' '.repeat(widths[c] - width(cell))
    return left(c) ? cell + fill : fill + cell
  }
  const line = (row: string[]) => '| ' + row.map(pad).join(' | ') + ' |'
  console.log(line(rows[0]))
  console.log(
    '|' +
      widths.map((w, c) => (left(c) ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') +
      '|'
  )
  for (const row of rows.slice(1)) console.log(line(row))
}

/** Deterministic, so two runs measure the same work (same generator as bench/clock.ts). */
export function mulberry32(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]

/** A step printed as it starts and with its duration when done. */
export async function step<T>(label: string, run: () => Promise<T>): Promise<T> {
  const began = Date.now()
  process.stdout.write(`${label} … `)
  const result = await run()
  console.log(`${((Date.now() - began) / 1000).toFixed(1)} s`)
  return result
}
