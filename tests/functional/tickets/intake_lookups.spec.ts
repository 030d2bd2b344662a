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
