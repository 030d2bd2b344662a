import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { buildOrg, type OrgFixture } from '#tests/support/org_fixtures'
import { call } from '#tests/support/api'
import { seedReferenceData } from '#tests/support/reference_data'
import Category from '#models/category'
import SlaPolicy from '#models/sla_policy'
import { DateTime } from 'luxon'

const PREVIEW = '/api/v1/deadlines/preview'

test.group('Deadline preview API', (group) => {
  let org: OrgFixture
  let token: string
  group.setup(() => seedReferenceData())
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(async () => {
    org = await buildOrg()
    token = await org.tokenFor('operator')
  })

  // Expected values are counted by hand on the official schedules:
  // 2025 国庆 10-01..10-08 off, 09-28 (Sun) and 10-11 (Sat) worked;
  // 2026 国庆 10-01..10-07 off, 09-20 (Sun) and 10-10 (Sat) worked.
  test('{name}')
    .with([
      {
        name: 'consultation, 1 working day from the eve of 国庆 2025 (次日起, holiday run)',
        query: {
          from: '2025-09-30T10:00',
          step: 'handle',
          kind: 'consultation',
          urgency: 'normal',
        },
        dueAt: '2025-10-09T17:30:00.000+08:00',
        text: /国庆节/,
      },
      {
        name: 'complaint, 10 working days across 国庆 2026 with the 10-10 调休 Saturday',
        query: { from: '2026-09-30T16:00', step: 'handle', kind: 'complaint', urgency: 'normal' },
        dueAt: '2026-10-20T17:30:00.000+08:00',
        text: /10月10日调休上班/,
      },
      {
        name: 'sign, 2 working hours from Friday 17:00 run into Monday morning',
        query: { from: '2026-11-20T17:00', step: 'sign', kind: 'help', urgency: 'normal' },
        dueAt: '2026-11-23T10:30:00.000+08:00',
        text: /11月23日10:30/,
      },
      {
        name: 'urgent sign, 30 natural minutes across Saturday midnight',
        query: { from: '2026-11-21T23:50', step: 'sign', kind: 'help', urgency: 'urgent' },
        dueAt: '2026-11-22T00:20:00.000+08:00',
        text: /11月22日00:20/,
      },
      {
        name: 'urgent complaint, 24 natural hours over a weekend',
        query: { from: '2026-11-21T09:15', step: 'handle', kind: 'complaint', urgency: 'urgent' },
        dueAt: '2026-11-22T09:15:00.000+08:00',
        text: /截止/,
      },
      {
        name: 'review, 1 working day from a lunch-break start',
        query: { from: '2026-11-24T12:30', step: 'review', kind: 'complaint', urgency: 'normal' },
        dueAt: '2026-11-25T17:30:00.000+08:00',
        text: /11月25日17:30/,
      },
    ])
    .run(async ({ client, assert }, row) => {
      const response = await call(client, 'GET', `${PREVIEW}?${new URLSearchParams(row.query)}`, {
        token,
      })
      response.assertStatus(200)
      const data = response.body().data
      assert.equal(data.dueAt, row.dueAt)
      assert.isFalse(data.calendarIncomplete)
      assert.match(data.text['zh-CN'], row.text)
      assert.isString(data.text.en)
      assert.equal(data.policy.kind, row.query.kind)
    })

  test('a deadline reaching into a year without a loaded schedule is flagged', async ({
    client,
    assert,
  }) => {
    const query = new URLSearchParams({
      from: '2026-12-25T10:00',
      step: 'handle',
      kind: 'complaint',
      urgency: 'normal',
    })
    const response = await call(client, 'GET', `${PREVIEW}?${query}`, { token })
    response.assertStatus(200)
    const data = response.body().data
    // 12-28..12-31 are days 1-4; 2027 has no schedule, so 01-01 counts as a plain Friday.
    assert.equal(data.dueAt, '2027-01-08T17:30:00.000+08:00')
    assert.isTrue(data.calendarIncomplete)
    assert.deepEqual(data.missingYears, [2027])
    assert.match(data.text['zh-CN'], /2027年节假日安排未发布/)
  })

  test('a category policy beats the generic one for that category and its children', async ({
    client,
    assert,
  }) => {
    const leaf = org.categories.leaf
    const generic = await SlaPolicy.query()
      .where({ kind: 'complaint', urgency: 'normal' })
      .whereNull('category_id')
      .firstOrFail()
    await SlaPolicy.create({
      kind: 'complaint',
      urgency: 'normal',
      channel: null,
      categoryId: org.categories.child.id,
      limits: { ...generic.limits, handle: { amount: 3, unit: 'working_days' } },
      warningRatio: generic.warningRatio,
      maxExtensionsPerRound: generic.maxExtensionsPerRound,
      maxRedoRounds: generic.maxRedoRounds,
      effectiveFrom: DateTime.fromISO('2021-01-01T00:00:00+08:00'),
    })
    const base = { from: '2026-11-23T10:00', step: 'handle', kind: 'complaint', urgency: 'normal' }

    const specific = await call(
      client,
      'GET',
      `${PREVIEW}?${new URLSearchParams({ ...base, category: leaf.code })}`,
      { token }
    )
    assert.equal(specific.body().data.dueAt, '2026-11-26T17:30:00.000+08:00')
    assert.equal(specific.body().data.policy.categoryId, org.categories.child.id)

    const root = await Category.findOrFail(org.categories.root.id)
    const fallback = await call(
      client,
      'GET',
      `${PREVIEW}?${new URLSearchParams({ ...base, category: root.code })}`,
      { token }
    )
    assert.equal(fallback.body().data.dueAt, '2026-12-07T17:30:00.000+08:00')
    assert.isNull(fallback.body().data.policy.categoryId)
  })

  test('bad input answers 422 with field messages in {$self}')
    .with(['zh-CN', 'en'] as const)
    .run(async ({ client, assert }, locale) => {
      const query = new URLSearchParams({
        from: 'yesterday',
        step: 'lunch',
        kind: 'complaint',
        urgency: 'normal',
        category: 'NOPE',
      })
      const response = await call(client, 'GET', `${PREVIEW}?${query}`, { token, locale })
      response.assertStatus(422)
      const messages = Object.fromEntries(
        response.body().errors.map((e: any) => [e.field, e.message])
      )
      assert.sameMembers(Object.keys(messages), ['from', 'step', 'category'])
      if (locale === 'zh-CN') {
        assert.equal(messages.step, '环节的取值无效')
        assert.equal(messages.category, '事项分类不存在')
      } else {
        assert.equal(messages.step, 'The selected step is invalid')
        assert.equal(messages.category, 'The selected category does not exist')
      }
    })

  test('the preview needs a token', async ({ client }) => {
    const response = await call(
      client,
      'GET',
      `${PREVIEW}?from=2026-11-23T10:00&step=sign&kind=help&urgency=normal`
    )
    response.assertStatus(401)
  })
})
