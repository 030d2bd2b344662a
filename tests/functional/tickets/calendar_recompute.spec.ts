import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Calendar from '#models/calendar'
import TicketEvent from '#models/ticket_event'
import clock from '#services/clock_service'
import ReplaceYearSchedule from '#actions/calendar/replace_year_schedule'
import { buildOrg } from '#tests/support/org_fixtures'
import { seedReferenceData } from '#tests/support/reference_data'
import { ticketApi } from '#tests/support/tickets'

test.group('Calendar changes move open deadlines', (group) => {
  group.setup(() => seedReferenceData())
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.unfreeze())

  test('loading next year’s holidays recomputes a handling deadline that reaches into it', async ({
    client,
    assert,
  }) => {
    const org = await buildOrg()
    const api = ticketApi(client)
    const operator = await org.tokenFor('operator')
    const staff = await org.tokenFor('department_staff')
    clock.freeze('2026-12-21T10:00:00')
    const id = (
      await api.intake(operator, 'hotline', {
        kind: 'complaint',
        content: '年底拖欠农民工工资，工地负责人联系不上。',
      })
    ).body().data.id
    ;(
      await api.act(operator, id, 'dispatch', { leadDepartmentId: org.departments.bureauA.id })
    ).assertStatus(200)
    ;(await api.act(staff, id, 'sign')).assertStatus(200)
    const lead = async () => (await api.detail(operator, id)).assignments[0]
    // 2027 is not loaded: 1 January counts as an ordinary Friday → day 9; day 10 is Monday 4 January.
    assert.equal((await lead()).deadlines.handle.dueAt, '2027-01-04T17:30:00.000+08:00')

    const standard = await Calendar.query().where('is_default', true).firstOrFail()
    await new ReplaceYearSchedule().handle({
      calendarId: standard.id,
      year: 2027,
      days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }],
      source: 'notice',
    })

    assert.equal((await lead()).deadlines.handle.dueAt, '2027-01-05T17:30:00.000+08:00')
    const event = await TicketEvent.query()
      .where({ ticketId: id, action: 'deadlines_recomputed' })
      .firstOrFail()
    assert.equal(event.actorRole, 'system')
    assert.deepEqual(event.payload.changedDates, ['2027-01-01'])
    assert.deepEqual(Object.values(event.payload.moved as object)[0], {
      from: '2027-01-04T17:30:00.000+08:00',
      to: '2027-01-05T17:30:00.000+08:00',
    })
  })

  test('tickets whose deadlines do not touch the changed dates are left alone', async ({
    client,
    assert,
  }) => {
    const org = await buildOrg()
    const api = ticketApi(client)
    const operator = await org.tokenFor('operator')
    clock.freeze('2026-12-01T10:00:00')
    const id = (
      await api.intake(operator, 'hotline', { kind: 'help', content: '楼道灯坏了，请物业维修。' })
    ).body().data.id
    ;(
      await api.act(operator, id, 'dispatch', { leadDepartmentId: org.departments.bureauA.id })
    ).assertStatus(200)
    const standard = await Calendar.query().where('is_default', true).firstOrFail()
    await new ReplaceYearSchedule().handle({
      calendarId: standard.id,
      year: 2027,
      days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }],
      source: 'notice',
    })
    assert.lengthOf(
      await TicketEvent.query().where({ ticketId: id, action: 'deadlines_recomputed' }),
      0
    )
  })
})
