/**
 * The baseline of bench/timers.ts: a bare BullMQ worker whose job does
 * nothing but note how late it started (now − the due instant it carries).
 * Run with fork() (IPC): argv host, port, queue prefix, concurrency. Answers
 * 'count' with how many it took, 'report' with its lags and start times, and
 * 'stop' by closing and exiting.
 */
import { Worker } from 'bullmq'

const [host, port, prefix, concurrency] = process.argv.slice(2)
const lags: number[] = []
const started: number[] = []

const worker = new Worker(
  'noop',
  async (job) => {
    const now = Date.now()
    lags.push(now - job.data.dueAt)
    started.push(now)
  },
  {
    connection: { host, port: Number(port), maxRetriesPerRequest: null },
    prefix,
    concurrency: Number(concurrency),
  }
)
worker.on('error', (error) => console.error(`noop worker: ${error.message}`))

process.on('message', async (message) => {
  if (message === 'count') process.send!({ count: lags.length })
  if (message === 'report') process.send!({ lags, started })
  if (message === 'stop') {
    await worker.close()
    process.exit(0)
  }
})
await worker.waitUntilReady()
process.send!('ready')
