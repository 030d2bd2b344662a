import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import CreateCategory from '#actions/org/create_category'
import { fieldMessages } from '#tests/support/api'
import { endpoints, operatorOnMonday } from '#tests/support/ticket_world'

/*
 * Intake checks its category and area ids against the database, remembering
 * ids it has seen (app/validators/existing_ids.ts): what it must never
 * remember is a miss.
 */
test.group('Intake: category and area lookups', (group) => {
  const state = operatorOnMonday(group)

  const call = (client: Parameters<typeof endpoints>[0], body: Record<string, unknown>) =>
    endpoints(client).intake(state.token, 'hotline', {
      kind: 'help',
      content: '小区门口下水道堵塞，污水外溢。',
      ...body,
    })

  test('an id that is not there is refused (422) each time it is sent', async ({
    client,
    assert,
  }) => {
    const { max } = await db.from('categories').max('id as max').firstOrFail()
    const missing = Number(max) + 1000

    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await call(client, {
        categoryId: missing,
        areaDepartmentId: state.org.departments.bureauA.id + 1000,
      })
      res.assertStatus(422)
      assert.sameMembers(Object.keys(fieldMessages(res)), ['categoryId', 'areaDepartmentId'])
    }
  })

  test('a category refused while missing is accepted once it exists', async ({
    client,
    assert,
  }) => {
    ;(await call(client, { categoryId: state.org.categories.leaf.id })).assertStatus(201)

    // The id the next category will get (nextval moves the sequence past the one it returns).
    const { rows } = await db.rawQuery(`SELECT nextval('categories_id_seq') + 1 AS next`)
    const nextId = Number(rows[0].next)
    ;(await call(client, { categoryId: nextId })).assertStatus(422)
    const created = await new CreateCategory().handle({ code: 'FX099', name: '新增分类' })
    assert.equal(created.id, nextId)

    ;(await call(client, { categoryId: nextId })).assertStatus(201)
  })
})

/*
 * Intake allocates the ticket's id and code and reads its SLA policy in one
 * statement before writing (app/actions/tickets/intake_prelude.ts).
 */
test.group('Intake: ticket number and SLA policy', (group) => {
  const state = operatorOnMonday(group)

  const call = (client: Parameters<typeof endpoints>[0], body: Record<string, unknown> = {}) =>
    endpoints(client).intake(state.token, 'hotline', {
      kind: 'help',
      content: '小区门口下水道堵塞，污水外溢。',
      ...body,
    })

  test('consecutive intakes get the day’s next serials, in id order', async ({
    client,
    assert,
  }) => {
    const first = await call(client)
    const second = await call(client)
    first.assertStatus(201)
    second.assertStatus(201)
    const [a, b] = [first.body().data, second.body().data]
    assert.match(a.code, /^20261123\d{5}$/)
    assert.equal(Number(b.code) - Number(a.code), 1)
    assert.isAbove(b.id, a.id)
    const stored = await db.from('tickets').whereIn('id', [a.id, b.id]).orderBy('id')
    assert.deepEqual(
      stored.map((row) => row.code),
      [a.code, b.code]
    )
  })

  test('when no policy applies: 422 E_NO_SLA_POLICY and nothing written', async ({
    client,
    assert,
  }) => {
    const before = await db.from('tickets').count('* as n').firstOrFail()
    await db.from('sla_policies').where({ kind: 'help' }).delete()
    const res = await call(client)
    res.assertStatus(422)
    assert.equal(res.body().errors[0].code, 'E_NO_SLA_POLICY')
    const after = await db.from('tickets').count('* as n').firstOrFail()
    assert.equal(after.n, before.n)
  })
})
