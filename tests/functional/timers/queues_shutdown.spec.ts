import { test } from '@japa/runner'
import { Queues } from '#services/queues'

/*
 * A web process shutting down closes its queues while requests may still be
 * finishing. A job one of them adds afterwards must not open a new Redis
 * connection (it kept the process from exiting): it is refused, and the
 * sweeps schedule it from PostgreSQL.
 */
test.group('Producer queues at shutdown', () => {
  test('after closeAll, adding jobs answers false and opens no connection', async ({ assert }) => {
    const queues = new Queues()
    const job = { name: 'noop', data: {}, opts: { delay: 60_000 } }
    assert.isTrue(
      await queues.addBulk('maintenance', [
        { ...job, opts: { ...job.opts, jobId: 'shutdown-probe' } },
      ])
    )
    const queue = queues.get('maintenance')
    await queue.remove('shutdown-probe')
    await queues.closeAll()

    assert.isFalse(await queues.addBulk('maintenance', [job]))
    assert.isFalse(await queues.add('maintenance', 'noop', {}, {}))
    assert.throws(() => queues.get('deadlines'), /after shutdown/)
  })
})
