import { Queue, type JobsOptions } from 'bullmq'
import queueConfig from '#config/queue'

export const QUEUE_NAMES = ['deadlines', 'outbox', 'relay', 'maintenance'] as const
export type QueueName = (typeof QUEUE_NAMES)[number]

/**
 * Producer-side queues, one per name, created on first use. Workers live in
 * the `jobs:work` process; the web process only adds jobs.
 */
type BulkJob = { name: string; data: Record<string, unknown>; opts: JobsOptions }

export class Queues {
  #queues = new Map<QueueName, Queue>()
  /** jobs added in this turn of the event loop, per queue, and their shared write */
  #batches = new Map<QueueName, { jobs: BulkJob[]; sent: Promise<boolean> }>()
  #closed = false

  get(name: QueueName): Queue {
    // Requests still running while the process shuts down would otherwise
    // open a new Redis connection after closeAll, which nothing closes and
    // which keeps the process from exiting. Their jobs are left to the sweeps.
    if (this.#closed) throw new Error(`queue "${name}" requested after shutdown`)
    let queue = this.#queues.get(name)
    if (!queue) {
      queue = new Queue(name, {
        connection: {
          ...queueConfig.connection,
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
        },
        prefix: queueConfig.prefix,
      })
      // A producer must never crash the web process when Redis is away: the
      // sweeps rebuild every timer from PostgreSQL once it is back.
      queue.on('error', () => {})
      this.#queues.set(name, queue)
    }
    return queue
  }

  /** Adds a job; false when Redis is unreachable (the sweeps will catch up). */
  async add(
    name: QueueName,
    jobName: string,
    data: Record<string, unknown>,
    options: JobsOptions
  ): Promise<boolean> {
    try {
      await this.get(name).add(jobName, data, {
        removeOnComplete: 1000,
        removeOnFail: 5000,
        ...options,
      })
      return true
    } catch {
      return false
    }
  }

  /**
   * Adds jobs; false when Redis is unreachable (the sweeps will catch up). A
   * job whose id is already queued stays as it is.
   *
   * Calls made in the same turn of the event loop share one round trip:
   * requests finishing together (their commits answered in one read) each
   * queue their timers here, and one `addBulk` carries them all. Every
   * caller waits for that shared write, so a caller that returns has its
   * jobs in Redis as before.
   */
  addBulk(name: QueueName, jobs: BulkJob[]): Promise<boolean> {
    let batch = this.#batches.get(name)
    if (!batch) {
      const pending: BulkJob[] = []
      batch = {
        jobs: pending,
        sent: new Promise((resolve) =>
          setImmediate(() => {
            this.#batches.delete(name)
            resolve(this.#send(name, pending))
          })
        ),
      }
      this.#batches.set(name, batch)
    }
    // one by one: a sweep may add more jobs than a call takes arguments
    for (const job of jobs) batch.jobs.push(job)
    return batch.sent
  }

  async #send(name: QueueName, jobs: BulkJob[]): Promise<boolean> {
    try {
      await this.get(name).addBulk(jobs)
      return true
    } catch {
      return false
    }
  }

  /** At shutdown: closes every queue; adding jobs afterwards fails (add/addBulk answer false). */
  async closeAll(): Promise<void> {
    // jobs added in this turn are sent first: their callers are waiting for them
    await Promise.all([...this.#batches.values()].map((batch) => batch.sent))
    this.#closed = true
    await Promise.all([...this.#queues.values()].map((queue) => queue.close()))
    this.#queues.clear()
  }
}

const queues = new Queues()
export default queues
