import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import MainSeeder from '#database/seeders/main_seeder'

const TABLES = [
  'departments',
  'categories',
  'users',
  'calendars',
  'calendar_days',
  'calendar_years',
  'sla_policies',
]

/** One after the other: the global transaction is one connection, which pg@9 will not share. */
async function counts(): Promise<Record<string, number>> {
  const totals: Record<string, number> = {}
  for (const table of TABLES) {
    const [row] = await db.from(table).count('* as total')
    totals[table] = Number(row.total)
  }
  return totals
}

test.group('Demo seed', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('seeds a realistic city hotline and is idempotent', async ({ assert }) => {
    await new MainSeeder(db.connection()).run()
    const first = await counts()
    assert.isAtLeast(first.departments, 30)
    assert.isAtLeast(first.categories, 60)
    assert.equal(first.users, 6)
    assert.equal(first.calendars, 2)
    assert.equal(first.sla_policies, 12)
    assert.isAtLeast(first.calendar_years, 2)

    const levels = await db.from('departments').distinct('level')
    assert.sameMembers(
      levels.map((row) => row.level),
      ['province', 'city', 'district', 'street']
    )
    const roles = await db.from('users').distinct('role')
    assert.sameMembers(
      roles.map((row) => row.role),
      ['admin', 'operator', 'supervisor', 'department_staff', 'department_leader', 'auditor']
    )

    await new MainSeeder(db.connection()).run()
    assert.deepEqual(await counts(), first)
  })
})
