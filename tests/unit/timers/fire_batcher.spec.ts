import { test } from '@japa/runner'
import { setTimeout as sleep } from 'node:timers/promises'
import { FireBatcher } from '#timers/fire_batcher'
import type { FireOutcome, PointRequest } from '#timers/timer_points'

/*
 * The worker's batching of timer jobs. The batch handler here is a plain
 * function recording its calls: what is under test is the grouping, not
 * the database (FireDeadline.handleMany has its own functional tests).
 */
const request = (assignmentId: number): PointRequest => ({
  assignmentId,
  step: 'sign',
  phase: 'due',
  dueAt: '2026-11-23T12:00:00.000+08:00',
})

function recorder(fail: (ids: number[]) => boolean = () => false) {
  const calls: number[][] = []
  const fireMany = async (requests: PointRequest[]): Promise<FireOutcome[]> => {
    const ids = requests.map((r) => r.assignmentId)
    calls.push(ids)
    await sleep(1)
    if (fail(ids)) throw new Error(`batch ${ids.join(',')} failed`)
    return ids.map((id) => (id % 2 === 0 ? 'fired' : 'stale'))
  }
  return { calls, fireMany }
}

test.group('FireBatcher', () => {
  test('points arriving together share one batch; each job gets its own outcome', async ({
    assert,
  }) => {
    const { calls, fireMany } = recorder()
    const batcher = new FireBatcher(fireMany, { maxSize: 10, maxWaitMs: 5 })
    const outcomes = await Promise.all([1, 2, 3, 4].map((id) => batcher.fire(request(id))))
    assert.deepEqual(outcomes, ['stale', 'fired', 'stale', 'fired'])
    assert.deepEqual(calls, [[1, 2, 3, 4]])
  })

  test('a full batch goes at once; the rest follow in batches of at most maxSize', async ({
    assert,
  }) => {
    const { calls, fireMany } = recorder()
    const batcher = new FireBatcher(fireMany, { maxSize: 3, maxWaitMs: 5 })
    await Promise.all([1, 2, 3, 4, 5, 6, 7].map((id) => batcher.fire(request(id))))
    assert.deepEqual(calls, [[1, 2, 3], [4, 5, 6], [7]])
  })

  test('a lone point waits at most maxWaitMs for company', async ({ assert }) => {
    const { calls, fireMany } = recorder()
    const batcher = new FireBatcher(fireMany, { maxSize: 100, maxWaitMs: 10 })
    assert.equal(await batcher.fire(request(2)), 'fired')
    assert.deepEqual(calls, [[2]])
  })

  test('a failing batch is retried point by point: only the bad point fails its job', async ({
    assert,
  }) => {
    const { calls, fireMany } = recorder((ids) => ids.includes(3))
    const batcher = new FireBatcher(fireMany, { maxSize: 10, maxWaitMs: 5 })
    const settled = await Promise.allSettled([2, 3, 4].map((id) => batcher.fire(request(id))))
    assert.deepEqual(
      settled.map((s) => s.status),
      ['fulfilled', 'rejected', 'fulfilled']
    )
    assert.deepEqual(calls[0], [2, 3, 4])
    assert.sameDeepMembers(calls.slice(1), [[2], [3], [4]])
  })
})
