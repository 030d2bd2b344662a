import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import CalendarYear from '#models/calendar_year'
import clock from '#services/clock_service'
import { buildOrg } from '#tests/support/org_fixtures'
import {
  BAD_NOTICE,
  buildCalendars,
  noticeText,
  scheduleOf,
} from '#tests/support/calendar_fixtures'

// Functions, not constants: route names resolve once the server has started.
const page = () => urlFor('admin.calendars.index')
const preview = () => urlFor('admin.calendars.preview')
const save = () => urlFor('admin.calendars.store')

/** The value of a hidden input in a rendered page, entities decoded. */
function hiddenField(html: string, name: string): string {
  const match = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(html)
  if (!match) throw new Error(`no hidden field ${name}`)
  return match[1].replace(/&(#x?[0-9a-f]+|quot|amp|lt|gt|apos);/gi, (_, entity: string) => {
    const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" }
    if (entity[0] !== '#') return named[entity.toLowerCase()]
    return String.fromCodePoint(
      entity[1].toLowerCase() === 'x'
        ? Number.parseInt(entity.slice(2), 16)
        : Number(entity.slice(1))
    )
  })
}

const BANNER = '“FX 标准工作日历”尚未加载 2027 年的节假日安排'

test.group('Calendars page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.unfreeze())

  test('an admin previews a pasted notice, then saves it', async ({ client, assert }) => {
    const org = await buildOrg()
    const { standard } = await buildCalendars()
    const text = await noticeText(2025)

    const previewed = await client
      .post(preview())
      .loginAs(org.users.admin)
      .withCsrfToken()
      .form({ calendarId: String(standard.id), text, year: '' })
    previewed.assertStatus(200)
    previewed.assertTextIncludes('FX 标准工作日历：2025 年节假日安排预览')
    previewed.assertTextIncludes('放假（28 天）')
    previewed.assertTextIncludes('调休上班（5 天）')
    previewed.assertTextIncludes('<td>2025-01-28</td>')
    previewed.assertTextIncludes('<td>周二</td>')
    previewed.assertTextIncludes('<td>2025-10-11</td>')
    // The body parser trims form fields; the text is otherwise kept as pasted.
    assert.equal(hiddenField(previewed.text(), 'text'), text.trim())
    assert.deepEqual(await scheduleOf(standard), { days: [], years: [], version: 1 })

    // Save posts the hidden fields of the preview, as the browser would.
    const saved = await client
      .post(save())
      .loginAs(org.users.admin)
      .withCsrfToken()
      .form({
        calendarId: hiddenField(previewed.text(), 'calendarId'),
        text: hiddenField(previewed.text(), 'text'),
        year: hiddenField(previewed.text(), 'year'),
      })
      .redirects(0)
    saved.assertStatus(302)
    saved.assertHeader('location', page())
    saved.assertFlashMessage('success', '已导入 2025 年节假日安排：放假 28 天，调休上班 5 天')
    const schedule = await scheduleOf(standard)
    assert.lengthOf(schedule.days, 33)
    assert.deepEqual(schedule.years, [{ year: 2025, source: 'notice' }])
    assert.equal(schedule.version, 2)

    const listed = await client.get(page()).loginAs(org.users.admin)
    listed.assertStatus(200)
    listed.assertTextIncludes('2025')
    listed.assertTextIncludes('国务院通知')
  })

  test('malformed text goes back to the form with the line named, nothing saved', async ({
    client,
    assert,
  }) => {
    const org = await buildOrg()
    const { standard } = await buildCalendars()

    const response = await client
      .post(preview())
      .header('referer', page())
      .loginAs(org.users.admin)
      .withCsrfToken()
      .form({ calendarId: String(standard.id), text: BAD_NOTICE.text, year: '' })
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', page())
    response.assertFlashMessage('error', BAD_NOTICE.messages['zh-CN'])
    response.assertFlashMessage('inputErrorsBag', { text: [BAD_NOTICE.messages['zh-CN']] })
    assert.deepEqual(await scheduleOf(standard), { days: [], years: [], version: 1 })
  })

  test('from 1 November the page warns when next year is not loaded', async ({ client }) => {
    const org = await buildOrg()
    const { standard } = await buildCalendars()
    await CalendarYear.create({
      calendarId: standard.id,
      year: 2026,
      source: 'chinese-days',
      loadedAt: clock.now(),
    })

    clock.freeze('2026-10-05T10:00:00')
    const october = await client.get(page()).loginAs(org.users.admin)
    october.assertStatus(200)
    october.assertTextIncludes('FX 标准工作日历')
    if (october.text().includes(BANNER)) throw new Error('warned before 1 November')

    clock.freeze('2026-11-05T10:00:00')
    const november = await client.get(page()).loginAs(org.users.admin)
    november.assertTextIncludes(BANNER)

    const english = await client
      .get(page())
      .loginAs(org.users.admin)
      .plainCookie('jiesu-locale', 'en')
    english.assertTextIncludes('Working calendars')
    english.assertTextIncludes('“FX 标准工作日历” has no 2027 holiday schedule yet')
  })

  test('other roles get 403 for the page; their posts are refused', async ({ client, assert }) => {
    const org = await buildOrg()
    const { standard } = await buildCalendars()
    const text = await noticeText(2025)

    for (const key of ['operator', 'supervisor', 'department_leader'] as const) {
      const list = await client.get(page()).loginAs(org.users[key])
      list.assertStatus(403)
    }
    const posted = await client
      .post(save())
      .loginAs(org.users.operator)
      .withCsrfToken()
      .form({ calendarId: String(standard.id), text, year: '' })
      .redirects(0)
    // Bouncer answers a refused form post with a redirect back and the message.
    posted.assertStatus(302)
    posted.assertFlashMessage('error', '无权执行此操作')
    assert.deepEqual(await scheduleOf(standard), { days: [], years: [], version: 1 })
  })
})
