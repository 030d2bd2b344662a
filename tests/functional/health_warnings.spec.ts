import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import CalendarYear from '#models/calendar_year'
import clock from '#services/clock_service'
import { seedReferenceData } from '#tests/support/reference_data'

test.group('Health: calendar coverage warning', (group) => {
  let lastLoaded: number
  group.setup(async () => {
    await seedReferenceData()
    const latest = await CalendarYear.query().orderBy('year', 'desc').firstOrFail()
    lastLoaded = latest.year
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.unfreeze())

  test('from 1 November it warns that next year is not loaded (still 200)', async ({
    client,
    assert,
  }) => {
    clock.freeze(`${lastLoaded}-11-01T08:00:00`)
    const response = await client.get('/health')
    response.assertStatus(200)
    const warning = response.body().warnings.find((w: any) => w.code === 'E_CALENDAR_YEAR_MISSING')
    assert.equal(warning?.year, lastLoaded + 1)
  })

  test('in October there is nothing to warn about yet', async ({ client, assert }) => {
    clock.freeze(`${lastLoaded}-10-31T18:00:00`)
    const response = await client.get('/health')
    response.assertStatus(200)
    assert.deepEqual(response.body().warnings, [])
  })
})
