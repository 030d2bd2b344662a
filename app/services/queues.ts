import { Queue, type JobsOptions } from 'bullmq'
import queueConfig from '#config/queue'

export const QUEUE_NAMES = ['deadlines', 'outbox', 'relay', 'maintenance'] as const
export type QueueName = (typeof QUEUE_NAMES)[number]

/**
 * Producer-side queues, one per name, created on first use. Workers live in
 * the `jobs:work` process; the web process only adds jobs.
 */
class Queues {
  #queues = new Map<QueueName, Queue>()

  get(name: QueueName): Queue {
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
   * Adds jobs in one round trip; false when Redis is unreachable (the sweeps
   * will catch up). A job whose id is already queued stays as it is.
   */
  async addBulk(
    name: QueueName,
    jobs: { name: string; data: Record<string, unknown>; opts: JobsOptions }[]
  ): Promise<boolean> {
    try {
      await this.get(name).addBulk(jobs)
      return true
    } catch {
      return false
    }
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.#queues.values()].map((queue) => queue.close()))
    this.#queues.clear()
  }
}

const queues = new Queues()
export default queues
