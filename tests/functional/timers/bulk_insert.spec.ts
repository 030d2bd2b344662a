import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { enqueueOutbox } from '#actions/tickets/outbox'

/*
 * A catch-up after a long outage can owe more rows than one statement may
 * carry (PostgreSQL: 65,535 bind parameters; an outbox row takes 7).
 */
test.group('Bulk inserts past the bind-parameter limit', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('10,000 outbox rows (70,000 values) in one call: all written, repeats ignored', async ({
    assert,
  }) => {
    const entries = Array.from({ length: 10_000 }, (_, i) => ({
      topic: 'mail' as const,
      dedupeKey: `bulk-test:${i}`,
      payload: { kind: 'deadline_breached', to: [`p${i % 50}@x`] },
    }))
    await db.transaction((trx) => enqueueOutbox(trx, entries))
    await db.transaction((trx) => enqueueOutbox(trx, entries.slice(0, 1500)))
    const { n } = await db
      .from('outbox_messages')
      .whereLike('dedupe_key', 'bulk-test:%')
      .count('* as n')
      .firstOrFail()
    assert.equal(Number(n), 10_000)
  })
})
