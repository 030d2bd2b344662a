import { DelayedError, type Job } from 'bullmq'
import type { FireBatcher } from '#timers/fire_batcher'
import FireCenterDeadline from '#timers/fire_center_deadline'
import { HORIZON_JOB } from '#timers/horizon_mark'

/**
 * The `deadlines` queue's processor: department points go through the
 * batcher, center and answer points one by one, the horizon mark is a no-op.
 */
export function deadlineProcessor(batcher: FireBatcher) {
  return async (job: Job, token?: string) => {
    // The horizon mark is a job only so that it vanishes with the timers.
    if (job.name === HORIZON_JOB) return 'mark'
    const outcome =
      job.name === 'fire-center'
        ? await new FireCenterDeadline().handle(job.data)
        : await batcher.fire(job.data)
    // Run before its instant (queued with a delay computed before a long
    // catch-up, or clocks that disagree): wait for it again instead of
    // leaving it to the next catch-up sweep.
    const at = Date.parse(job.data.at ?? '')
    if (outcome === 'early' && token && Number.isFinite(at)) {
      await job.moveToDelayed(at, token)
      throw new DelayedError()
    }
    return outcome
  }
}
