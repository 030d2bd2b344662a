import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import CalendarYear from '#models/calendar_year'
import clock from '#services/clock_service'
import { buildOrg } from '#tests/support/org_fixtures'
import { call, errorsOf, fieldMessages, type Locale } from '#tests/support/api'
import {
  BAD_NOTICE,
  NOTICE_2025,
  buildCalendars,
  noticeText,
  scheduleOf,
} from '#tests/support/calendar_fixtures'

// Functions, not constants: route names resolve once the server has started.
const index = () => urlFor('api.calendars.index')
const notice = (id: number) => urlFor('api.calendars.notice', { id })

async function loadYear(calendarId: number, year: number) {
  await CalendarYear.create({ calendarId, year, source: 'chinese-days', loadedAt: clock.now() })
}

test.group('API calendars: list', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.unfreeze())

  test('lists each calendar with its loaded years', async ({ client, assert }) => {
    const org = await buildOrg()
    const { standard, alwaysOn } = await buildCalendars()
    await loadYear(standard.id, 2026)
    await loadYear(standard.id, 2025)

    const res = await call(client, 'GET', index(), { token: await org.tokenFor('admin') })

    res.assertStatus(200)
    const data = res.body().data as any[]
    const mine = data.filter((row) => [standard.id, alwaysOn.id].includes(row.id))
    assert.deepEqual(
      mine.map((row) => ({
        id: row.id,
        isDefault: row.isDefault,
        years: row.years.map((y: any) => [y.year, y.source]),
      })),
      [
        {
          id: standard.id,
          isDefault: true,
          years: [
            [2025, 'chinese-days'],
            [2026, 'chinese-days'],
          ],
        },
        { id: alwaysOn.id, isDefault: false, years: [] },
      ]
    )
  })

  test('nextYearMissing is set from 1 November until next year is loaded', async ({
    client,
    assert,
  }) => {
    const org = await buildOrg()
    const token = await org.tokenFor('admin')
    const { standard, alwaysOn } = await buildCalendars()
    await loadYear(standard.id, 2026)
    const flags = async () => {
      const res = await call(client, 'GET', index(), { token })
      res.assertStatus(200)
      const byId = new Map((res.body().data as any[]).map((row) => [row.id, row.nextYearMissing]))
      return { standard: byId.get(standard.id), alwaysOn: byId.get(alwaysOn.id) }
    }

    clock.freeze('2026-10-05T10:00:00')
    assert.deepEqual(await flags(), { standard: false, alwaysOn: false })

    clock.freeze('2026-11-05T10:00:00')
    // The 7x24 desk ignores holidays, so it never misses a schedule.
    assert.deepEqual(await flags(), { standard: true, alwaysOn: false })

    await loadYear(standard.id, 2027)
    assert.deepEqual(await flags(), { standard: false, alwaysOn: false })
  })

  test('only admins see calendars (403 for an operator)', async ({ client }) => {
    const org = await buildOrg()
    await buildCalendars()
    const res = await call(client, 'GET', index(), { token: await org.tokenFor('operator') })
    res.assertStatus(403)
  })
})

test.group('API calendars: import a notice', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('dryRun previews the days and writes nothing', async ({ client, assert }) => {
    const org = await buildOrg()
    const { standard } = await buildCalendars()

    const res = await call(client, 'POST', notice(standard.id), {
      token: await org.tokenFor('admin'),
      body: { text: await noticeText(2025), dryRun: true },
    })

    res.assertStatus(200)
    assert.deepEqual(res.body().data, { ...NOTICE_2025, saved: false })
    assert.deepEqual(await scheduleOf(standard), { days: [], years: [], version: 1 })
  })

  test('without dryRun it saves the year (source notice) and bumps the version', async ({
    client,
    assert,
  }) => {
    const org = await buildOrg()
    const { standard } = await buildCalendars()

    const res = await call(client, 'POST', notice(standard.id), {
      token: await org.tokenFor('admin'),
      body: { text: await noticeText(2025), year: 2025 },
    })

    res.assertStatus(200)
    const data = res.body().data
    assert.isTrue(data.saved)
    assert.include(data.change, { calendarId: standard.id, year: 2025, holidays: 28, workdays: 5 })
    const saved = await scheduleOf(standard)
    assert.lengthOf(saved.days, 33)
    assert.isTrue(saved.days.every((day: any) => day.source === 'notice'))
    assert.deepEqual(saved.years, [{ year: 2025, source: 'notice' }])
    assert.equal(saved.version, 2)
  })

  test('an operator gets 403 and nothing is saved', async ({ client, assert }) => {
    const org = await buildOrg()
    const { standard } = await buildCalendars()

    const res = await call(client, 'POST', notice(standard.id), {
      token: await org.tokenFor('operator'),
      body: { text: await noticeText(2025) },
    })

    res.assertStatus(403)
    assert.deepEqual(await scheduleOf(standard), { days: [], years: [], version: 1 })
  })

  test('malformed text answers 422 on text naming the line (Accept-Language: {language})')
    .with([
      { language: 'none', locale: undefined },
      { language: 'zh-CN', locale: 'zh-CN' as Locale },
      { language: 'en', locale: 'en' as Locale },
    ])
    .run(async ({ client, assert }, row) => {
      const org = await buildOrg()
      const { standard } = await buildCalendars()

      const res = await call(client, 'POST', notice(standard.id), {
        token: await org.tokenFor('admin'),
        locale: row.locale,
        body: { text: BAD_NOTICE.text },
      })

      res.assertStatus(422)
      assert.deepEqual(errorsOf(res), [
        {
          field: 'text',
          rule: 'E_INVALID_HOLIDAY_NOTICE',
          message: BAD_NOTICE.messages[row.locale ?? 'zh-CN'],
        },
      ])
      assert.deepEqual(await scheduleOf(standard), { days: [], years: [], version: 1 })
    })

  test('a year that contradicts the title is refused', async ({ client, assert }) => {
    const org = await buildOrg()
    const { standard } = await buildCalendars()

    const res = await call(client, 'POST', notice(standard.id), {
      token: await org.tokenFor('admin'),
      locale: 'en',
      body: { text: await noticeText(2025), year: 2026 },
    })

    res.assertStatus(422)
    assert.equal(
      fieldMessages(res).text,
      'Line 1 of the notice, “国务院办公厅关于2025年部分节假日安排的通知”, could not be read: the title says 2025, but 2026 was given'
    )
  })

  test('the body is validated: text required and at most 20,000 characters, year 2000-2100', async ({
    client,
    assert,
  }) => {
    const org = await buildOrg()
    const { standard } = await buildCalendars()
    const token = await org.tokenFor('admin')

    const missing = await call(client, 'POST', notice(standard.id), { token, body: { year: 1999 } })
    missing.assertStatus(422)
    assert.sameMembers(Object.keys(fieldMessages(missing)), ['text', 'year'])

    const long = await call(client, 'POST', notice(standard.id), {
      token,
      body: { text: 'x'.repeat(20_001), year: 2101 },
    })
    long.assertStatus(422)
    assert.sameMembers(Object.keys(fieldMessages(long)), ['text', 'year'])
  })

  test('an unknown calendar answers 404', async ({ client }) => {
    const org = await buildOrg()
    const { alwaysOn } = await buildCalendars()

    const res = await call(client, 'POST', notice(alwaysOn.id + 1000), {
      token: await org.tokenFor('admin'),
      body: { text: await noticeText(2025), dryRun: true },
    })

    res.assertStatus(404)
  })
})
