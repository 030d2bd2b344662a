import type { Job } from 'bullmq'
import SendMailBatch, { type MailBatchInput, type MailSender } from '#outbox/send_mail_batch'
import { markBatchDead } from '#outbox/dead_letters'

/**
 * The `outbox` queue's processor and failure hook, shared by `jobs:work` and
 * the tests that drive a real BullMQ worker through retries.
 */
export function processMailBatch(sender?: MailSender) {
  return (job: Job<MailBatchInput>) => new SendMailBatch(sender).handle(job.data)
}

/**
 * After a failed attempt: nothing while BullMQ will retry; after the last
 * one the rows become dead letters. Answers how many rows it marked.
 */
export async function onMailBatchFailed(job: Job<MailBatchInput> | undefined): Promise<number> {
  if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return 0
  return markBatchDead(job.data.recipient)
}
