import type { FireOutcome, PointRequest } from '#timers/timer_points'

interface Waiting {
  request: PointRequest
  resolve: (outcome: FireOutcome) => void
  reject: (error: unknown) => void
}

export interface BatchOptions {
  /** points handled in one transaction at most */
  maxSize: number
  /** how long the first point of a batch waits for company */
  maxWaitMs: number
}

/**
 * Gathers the timer jobs a worker runs at once into batches for the batch
 * handler (FireDeadline.handleMany): a burst of deadlines due together costs
 * one transaction per batch instead of one per point. Each job still waits
 * for its own outcome, so a job completes only once its point is committed.
 */
export class FireBatcher {
  #waiting: Waiting[] = []
  #timer: NodeJS.Timeout | null = null

  #fireMany: (requests: PointRequest[]) => Promise<FireOutcome[]>
  #maxSize: number
  #maxWaitMs: number

  constructor(
    fireMany: (requests: PointRequest[]) => Promise<FireOutcome[]>,
    options: BatchOptions
  ) {
    this.#fireMany = fireMany
    // A zero or garbage size from the environment must not stall every job.
    this.#maxSize = Math.max(1, Math.floor(options.maxSize) || 1)
    this.#maxWaitMs = Math.max(0, options.maxWaitMs || 0)
  }

  fire(request: PointRequest): Promise<FireOutcome> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ request, resolve, reject })
      if (this.#waiting.length >= this.#maxSize) this.#flush()
      else this.#timer ??= setTimeout(() => this.#flush(), this.#maxWaitMs)
    })
  }

  #flush() {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
    const batch = this.#waiting.splice(0, this.#maxSize)
    if (this.#waiting.length > 0) this.#timer = setTimeout(() => this.#flush(), 0)
    if (batch.length > 0) void this.#run(batch)
  }

  async #run(batch: Waiting[]) {
    try {
      const outcomes = await this.#fireMany(batch.map((waiting) => waiting.request))
      if (outcomes.length !== batch.length) throw new Error('one outcome per point expected')
      batch.forEach((waiting, index) => waiting.resolve(outcomes[index]))
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error)
      // One bad point must not hold back the others: each on its own, and
      // only the ones that fail again go back to BullMQ for a retry.
      for (const waiting of batch) void this.#run([waiting])
    }
  }
}
