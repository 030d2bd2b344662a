import type { DateTime } from 'luxon'

/** A stretch during which the clock does not run (挂起, approved wait, ...). */
export interface Pause {
  from: DateTime
  to: DateTime
}

/** Pauses as epoch ms, flat [from, to, ...], sorted and merged. */
export type PauseSpans = readonly number[]

export const NO_PAUSES: PauseSpans = Object.freeze([])

/**
 * Sorts and merges pauses so the hot loops can walk them with one cursor.
 * Overlapping pauses (a suspension during an approved wait) count once.
 */
export function toPauseSpans(pauses: readonly Pause[] | undefined): PauseSpans {
  if (!pauses || pauses.length === 0) return NO_PAUSES
  const spans = pauses
    .map((p) => {
      const from = p.from.toMillis()
      const to = p.to.toMillis()
      if (!Number.isFinite(from) || !Number.isFinite(to))
        throw new RangeError('Invalid pause instant')
      if (to < from) throw new RangeError('A pause ends before it starts')
      return [from, to] as const
    })
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0])
  const flat: number[] = []
  for (const [from, to] of spans) {
    const last = flat.length - 1
    if (last > 0 && from <= flat[last]) flat[last] = Math.max(flat[last], to)
    else flat.push(from, to)
  }
  return flat
}

/** Milliseconds of [from, to) covered by pauses. */
export function pausedMsBetween(spans: PauseSpans, from: number, to: number): number {
  let total = 0
  for (let i = 0; i < spans.length; i += 2) {
    const a = spans[i] > from ? spans[i] : from
    const b = spans[i + 1] < to ? spans[i + 1] : to
    if (b > a) total += b - a
  }
  return total
}

/**
 * The earliest instant at which `amountMs` of unpaused wall-clock time has
 * passed since `startMs`.
 */
export function addUnpausedMs(startMs: number, amountMs: number, spans: PauseSpans): number {
  if (amountMs <= 0) return startMs
  let cursor = startMs
  let remaining = amountMs
  for (let i = 0; i < spans.length; i += 2) {
    if (spans[i + 1] <= cursor) continue
    if (spans[i] > cursor) {
      const gap = spans[i] - cursor
      if (remaining <= gap) return cursor + remaining
      remaining -= gap
    }
    cursor = spans[i + 1]
  }
  return cursor + remaining
}

/** `ms`, or the end of the pause covering it. */
export function firstUnpausedMs(ms: number, spans: PauseSpans): number {
  for (let i = 0; i < spans.length; i += 2) {
    if (spans[i] <= ms && ms < spans[i + 1]) return spans[i + 1]
  }
  return ms
}
