import { BaseSeeder } from '@adonisjs/lucid/seeders'
import { seedOrganisation } from '#database/seeding/organisation'
import { seedCalendars } from '#database/seeding/calendars'
import { seedSlaPolicies } from '#database/seeding/sla_policies'

/**
 * Demo data of a Kunming-like city hotline, plus the reference data every
 * installation needs (working calendars, default SLA policies). Idempotent:
 * running it again updates in place and never duplicates.
 */
export default class MainSeeder extends BaseSeeder {
  async run() {
    await seedOrganisation()
    await seedCalendars()
    await seedSlaPolicies()
  }
}
