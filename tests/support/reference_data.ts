import { seedCalendars } from '#database/seeding/calendars'
import { seedSlaPolicies } from '#database/seeding/sla_policies'

/**
 * Working calendars (every chinese-days year) and the default SLA policies.
 * Idempotent and cheap after the first call, so groups call it in setup and
 * leave it in place: it is reference data every installation has.
 */
export async function seedReferenceData() {
  await seedCalendars()
  await seedSlaPolicies()
}
