import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import { ZONE } from '#services/clock_service'

/**
 * Reads a date or an instant the way Chinese users mean it: a bare date or a
 * time without offset is Asia/Shanghai wall-clock time; an offset or epoch
 * milliseconds are exact. Anything unreadable fails the `date` rule.
 *
 * @example parseShanghaiInstant('2026-11-23') // 2026-11-23T00:00:00+08:00
 */
export function parseShanghaiInstant(value: string): DateTime {
  return /^\d{10,}$/.test(value)
    ? DateTime.fromMillis(Number(value), { zone: ZONE })
    : DateTime.fromISO(value, { zone: ZONE })
}

export const shanghaiInstantRule = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string' || !parseShanghaiInstant(value).isValid) {
    field.report('The {{ field }} field must be a date', 'date', field)
  }
})
