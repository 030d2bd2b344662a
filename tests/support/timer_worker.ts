import { Worker } from 'bullmq'
import queueConfig from '#config/queue'
import FireDeadline from '#timers/fire_deadline'
import { FireBatcher } from '#timers/fire_batcher'
import { deadlineProcessor } from '#timers/deadline_job'

/**
 * A real BullMQ worker on the `deadlines` queue with the processor
 * `jobs:work` runs, in the test process (so it shares the test's frozen
 * clock and database transaction). Collects what each job answered.
 */
export function startTimerWorker() {
  const batcher = new FireBatcher((requests) => new FireDeadline().handleMany(requests), {
    maxSize: queueConfig.timers.batchSize,
    maxWaitMs: queueConfig.timers.batchWaitMs,
  })
  const worker = new Worker('deadlines', deadlineProcessor(batcher), {
    connection: { ...queueConfig.connection, maxRetriesPerRequest: null },
    prefix: queueConfig.prefix,
    concurrency: 1,
  })
  const results: unknown[] = []
  let runs = 0
  worker.on('active', () => runs++)
  worker.on('completed', (_job, result) => results.push(result))
  const until = async (done: () => boolean, what: string) => {
    for (let waited = 0; !done(); waited += 20) {
      if (waited > 10_000) throw new Error(`timed out waiting for ${what}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
  return {
    results,
    /** waits until `count` jobs have completed */
    completed: (count: number) => until(() => results.length >= count, `${count} completed jobs`),
    /** waits until the worker has taken `count` jobs (completed or not) */
    taken: (count: number) => until(() => runs >= count, `${count} jobs taken`),
    close: () => worker.close(),
  }
}
