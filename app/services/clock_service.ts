import { DateTime } from 'luxon'
import { CachedOffsetZone } from '#clock/zone'

export const ZONE = 'Asia/Shanghai'

/**
 * The same zone with its offsets memoised: every DateTime "now" hands out,
 * and all arithmetic and formatting on it (Lucid formats each timestamp it
 * writes with the offset), would otherwise ask Intl for the offset again.
 */
const APP_ZONE = new CachedOffsetZone(ZONE)

/**
 * The application's "now". Business decisions (deadlines, coverage warnings)
 * ask this service, never the system clock directly, so tests, benches and
 * the demo can pin or move time.
 */
class ClockService {
  #fixed: DateTime | null = null

  now(): DateTime {
    return (this.#fixed ?? DateTime.now()).setZone(APP_ZONE)
  }

  /** Pins "now" (tests, demo). */
  freeze(at: DateTime | string): void {
    this.#fixed = typeof at === 'string' ? DateTime.fromISO(at, { zone: APP_ZONE }) : at
  }

  /** Back to the real time. */
  unfreeze(): void {
    this.#fixed = null
  }
}

const clock = new ClockService()
export default clock

/** An instant as API output and logs show it: Asia/Shanghai wall-clock time with offset. */
export function toIso(value: DateTime | null | undefined): string | null {
  return value?.setZone(APP_ZONE).toISO() ?? null
}
