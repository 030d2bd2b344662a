import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Department from '#models/department'
import { directQuery, insertStatement } from '#services/direct_sql'

/*
 * The intake path's statements go straight to pg, as named (prepared)
 * statements, on the connection of the Lucid client they are given.
 */
test.group('directQuery', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('runs inside the caller’s transaction: a rollback takes its write back', async ({
    assert,
  }) => {
    const code = 'direct-sql-probe'
    await db
      .transaction(async (trx) => {
        const values: unknown[] = []
        const text = insertStatement(
          Department.table,
          [
            {
              name: '直连探针',
              code,
              level: 'city',
              created_at: new Date(),
              updated_at: new Date(),
            },
          ],
          values
        )
        const [row] = await directQuery(trx, `${text} RETURNING id, name`, values)
        assert.equal(row.name, '直连探针')
        // the same transaction sees it; a Lucid query on the same client too
        const seen = await Department.query({ client: trx }).where('code', code).first()
        assert.equal(seen?.id, row.id)
        throw new Error('roll back')
      })
      .catch((error: Error) => assert.equal(error.message, 'roll back'))
    assert.isNull(await Department.findBy('code', code))
  })

  test('the same text runs again as the prepared statement, with new values', async ({
    assert,
  }) => {
    const text = 'SELECT $1::int * 2 AS doubled, $2::text AS label'
    for (const n of [1, 2, 3, 4, 5, 6, 7])
      assert.deepEqual(await directQuery(undefined, text, [n, `n${n}`]), [
        { doubled: n * 2, label: `n${n}` },
      ])
    // prepared once on this connection (the test's global transaction holds one)
    const [prepared] = await directQuery(
      undefined,
      'SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = $1',
      [text]
    )
    assert.equal(prepared.n, 1)
    // another text under the same client gets its own statement
    assert.deepEqual(await directQuery(undefined, 'SELECT $1::int + 1 AS next', [41]), [
      { next: 42 },
    ])
  })

  test('a prepared statement naming its columns survives a column added to its table', async ({
    assert,
  }) => {
    await db.rawQuery('CREATE TEMP TABLE probe_rows (id int, label text) ON COMMIT DROP')
    await db.rawQuery(`INSERT INTO probe_rows VALUES (1, 'one')`)
    const text = 'SELECT probe_rows.id, probe_rows.label FROM probe_rows WHERE id = $1'
    assert.deepEqual(await directQuery(undefined, text, [1]), [{ id: 1, label: 'one' }])
    // a migration while the app runs: as prepared, `SELECT *` would now fail
    // ("cached plan must not change result type"), hence columnList()
    await db.rawQuery('ALTER TABLE probe_rows ADD COLUMN added int')
    assert.deepEqual(await directQuery(undefined, text, [1]), [{ id: 1, label: 'one' }])
  })

  test('insertStatement numbers placeholders after the values already bound', ({ assert }) => {
    const values: unknown[] = ['x']
    const text = insertStatement(
      't',
      [
        { a: 1, b: 2 },
        { a: 3, b: 4 },
      ],
      values
    )
    assert.equal(text, 'INSERT INTO t (a, b) VALUES ($2, $3), ($4, $5)')
    assert.deepEqual(values, ['x', 1, 2, 3, 4])
  })

  test('insertStatement refuses rows that do not share their columns', ({ assert }) => {
    assert.throws(
      () => insertStatement('t', [{ a: 1, b: 2 }, { a: 3 }], []),
      'rows inserted into t together must share their columns'
    )
  })
})
