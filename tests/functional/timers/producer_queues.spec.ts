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

test.group('Producer queues: one round trip per turn of the event loop', () => {
  test('jobs added together go to Redis in one addBulk, and each caller sees them there', async ({
    assert,
    cleanup,
  }) => {
    const queues = new Queues()
    cleanup(() => queues.closeAll())
    const queue = queues.get('maintenance')
    const sent: number[] = []
    const addBulk = queue.addBulk.bind(queue)
    queue.addBulk = (jobs) => {
      sent.push(jobs.length)
      return addBulk(jobs)
    }
    const job = (jobId: string) => ({ name: 'noop', data: {}, opts: { delay: 60_000, jobId } })
    const ids = ['batch-probe-1', 'batch-probe-2', 'batch-probe-3']
    cleanup(() => Promise.all(ids.map((id) => queue.remove(id))).then(() => {}))

    const added = await Promise.all([
      queues.addBulk('maintenance', [job(ids[0])]),
      queues.addBulk('maintenance', [job(ids[1]), job(ids[2])]),
    ])
    assert.deepEqual(added, [true, true])
    assert.deepEqual(sent, [3])
    for (const id of ids) assert.equal((await queue.getJob(id))?.id, id)

    // a later turn is a new round trip
    assert.isTrue(await queues.addBulk('maintenance', [job(ids[0])]))
    assert.deepEqual(sent, [3, 1])
  })

  test('closeAll first sends the jobs added in its own turn', async ({ assert, cleanup }) => {
    const queues = new Queues()
    const probe = { name: 'noop', data: {}, opts: { delay: 60_000, jobId: 'closing-probe' } }
    const added = queues.addBulk('maintenance', [probe])
    await queues.closeAll()
    assert.isTrue(await added)
    const reader = new Queues()
    cleanup(async () => {
      await reader.get('maintenance').remove('closing-probe')
      await reader.closeAll()
    })
    assert.equal((await reader.get('maintenance').getJob('closing-probe'))?.id, 'closing-probe')
  })
})
