import { IANAZone } from 'luxon'

const MS_PER_DAY = 86_400_000

/**
 * An IANA zone whose offset lookups are memoised per UTC day.
 *
 * Luxon asks `Intl` for the offset every time a DateTime is built (about 5 µs),
 * which alone would cap the clock well below its throughput target. Offsets
 * change at most a couple of times a year, so a day whose offset is the same at
 * both ends is cached as one number; a day with a transition keeps asking `Intl`.
 *
 * It stays an `iana` zone with the real name, so DateTimes built with it compare
 * equal to, format like and serialise like ones built from the zone name.
 *
 * NOTE: two offset changes within one UTC day that cancel out would be missed;
 * no real zone does that.
 */
export class CachedOffsetZone extends IANAZone {
  readonly #offsetByUtcDay = new Map<number, number>()

  override offset(ts: number): number {
    const utcDay = Math.floor(ts / MS_PER_DAY)
    let cached = this.#offsetByUtcDay.get(utcDay)
    if (cached === undefined) {
      const atStart = super.offset(utcDay * MS_PER_DAY)
      const atEnd = super.offset((utcDay + 1) * MS_PER_DAY)
      cached = atStart === atEnd ? atStart : Number.NaN
      this.#offsetByUtcDay.set(utcDay, cached)
    }
    return Number.isNaN(cached) ? super.offset(ts) : cached
  }
}
