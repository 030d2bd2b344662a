import type { DateTime } from 'luxon'
import { ZONE } from '#services/clock_service'

/**
 * A new ticket's id and code are allocated before it is written, in one
 * statement: the code is the Shanghai date and a daily serial, e.g.
 * 2026112300123 — digits only, so it reads out well on the phone, and codes
 * sort by date. Knowing the id up front lets intake write the ticket and
 * everything a dispatch hangs on it (assignments, events, mails that name
 * the ticket) in one statement.
 *
 * NOTE: the counter is bumped in its own statement, outside the intake's
 * write, so concurrent intakes do not queue on the counter row until commit.
 * A failed intake leaves a gap in the serial and the ids, which is harmless.
 */
export interface Allocation {
  /** INSERT … RETURNING `serial` and `ticket_id`; its parameter is appended to the caller's values */
  text: string
  /** the code for the serial it returned */
  code: (serial: number | string) => string
}

export function allocation(now: DateTime, values: unknown[]): Allocation {
  const day = now.setZone(ZONE).toISODate()!
  values.push(day)
  return {
    text: `INSERT INTO ticket_code_counters (day, last) VALUES ($${values.length}, 1)
      ON CONFLICT (day) DO UPDATE SET last = ticket_code_counters.last + 1
      RETURNING last AS serial, nextval(pg_get_serial_sequence('tickets', 'id')) AS ticket_id`,
    code: (serial) => `${day.replaceAll('-', '')}${String(serial).padStart(5, '0')}`,
  }
}
