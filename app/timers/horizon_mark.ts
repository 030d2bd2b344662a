import type { Queue } from 'bullmq'

/**
 * How far ahead the deadline timers are already in Redis, so the horizon
 * sweep adds only the slice that came inside the horizon since its last run
 * instead of re-adding a day of timers every minute.
 *
 * The mark is kept as a delayed job in the deadlines queue itself (a no-op
 * `horizon` job due at the mark) plus a key naming it: whatever loses the
 * timers (FLUSHALL, a new Redis, an obliterated queue) loses that job too,
 * and the next sweep then schedules the whole horizon again.
 */
export const HORIZON_JOB = 'horizon'

const keyOf = (queue: Queue) => `${queue.opts.prefix}:${queue.name}:horizon-mark`

/** The instant (ms) up to which every timer point is known to be queued, or null. */
export async function readHorizonMark(queue: Queue, nowMs: number, horizonMs: number) {
  const redis = await queue.backend.client
  const raw = await redis.get(keyOf(queue))
  if (!raw) return null
  const { until, jobId } = JSON.parse(raw) as { until: number; jobId: string }
  // A mark beyond today's horizon means the clock went back: trust nothing.
  if (until > nowMs + horizonMs) return null
  return (await queue.getJobState(jobId)) === 'delayed' ? until : null
}

/** Records that every point up to `until` is queued. */
export async function writeHorizonMark(queue: Queue, until: number, nowMs: number) {
  const redis = await queue.backend.client
  const previous = await redis.get(keyOf(queue))
  const jobId = `horizon-${until}`
  await queue.add(
    HORIZON_JOB,
    {},
    { jobId, delay: Math.max(0, until - nowMs), removeOnComplete: true }
  )
  await redis.set(keyOf(queue), JSON.stringify({ until, jobId }))
  if (previous) {
    const old = (JSON.parse(previous) as { jobId: string }).jobId
    // Running right now (its instant came): it finishes as a no-op anyway.
    if (old !== jobId) await queue.remove(old).catch(() => 0)
  }
}
