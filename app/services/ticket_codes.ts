import type { DateTime } from 'luxon'
import { ZONE } from '#services/clock_service'
import { directQuery } from '#services/direct_sql'

/**
 * Issues the next ticket code: the Shanghai date and a daily serial, e.g.
 * 2026112300123 — digits only, so it reads out well on the phone, and codes
 * sort by date.
 *
 * NOTE: the counter is bumped in its own statement, outside the intake
 * transaction, so concurrent intakes do not queue on the counter row until
 * commit. A rolled-back intake leaves a gap in the serial, which is harmless.
 */
export async function nextTicketCode(now: DateTime): Promise<string> {
  const day = now.setZone(ZONE).toISODate()!
  const [{ last }] = await directQuery(
    undefined,
    `INSERT INTO ticket_code_counters (day, last) VALUES ($1, 1)
     ON CONFLICT (day) DO UPDATE SET last = ticket_code_counters.last + 1
     RETURNING last`,
    [day]
  )
  const serial = Number(last)
  return `${day.replaceAll('-', '')}${String(serial).padStart(5, '0')}`
}
