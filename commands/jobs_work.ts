import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { Worker, type Job } from 'bullmq'
import queueConfig from '#config/queue'
import queues from '#services/queues'

/**
 * The worker process: deadline timers, the outbox relay and mail, and the
 * sweeps that rebuild any timer Redis lost. Run as many as you like (they
 * coordinate through Redis and row locks); SIGTERM finishes the jobs in hand
 * and exits.
 */
export default class JobsWork extends BaseCommand {
  static commandName = 'jobs:work'
  static description =
    'Run the background workers (deadline timers, outbox relay, mail, sweeps, daily digest)'
  static options: CommandOptions = { startApp: true, staysAlive: true }

  @flags.number({ description: 'Mail batches sent in parallel', default: 5 })
  declare concurrency: number

  @flags.number({
    description: 'Deadline timer jobs taken at once (handled in batches)',
    default: queueConfig.timers.concurrency,
  })
  declare timerConcurrency: number

  async run() {
    const { default: FireDeadline } = await import('#timers/fire_deadline')
    const { deadlineProcessor } = await import('#timers/deadline_job')
    const { FireBatcher } = await import('#timers/fire_batcher')
    const { sweep } = await import('#timers/sweep')
    const { relayTick } = await import('#outbox/relay')
    const { processMailBatch, onMailBatchFailed } = await import('#outbox/mail_batch_job')
    const { default: QueueDailyDigests } = await import('#timers/daily_digest')
    const { registerSchedulers } = await import('#timers/schedulers')
    const connection = { ...queueConfig.connection, maxRetriesPerRequest: null }
    const options = { connection, prefix: queueConfig.prefix, concurrency: this.concurrency }

    const batcher = new FireBatcher((requests) => new FireDeadline().handleMany(requests), {
      maxSize: queueConfig.timers.batchSize,
      maxWaitMs: queueConfig.timers.batchWaitMs,
    })
    const workers = [
      new Worker('deadlines', deadlineProcessor(batcher), {
        ...options,
        concurrency: this.timerConcurrency,
        // Timer jobs are short and safe to run twice: a dead worker's jobs
        // (up to `timerConcurrency` of them) come back within seconds rather
        // than the default minute, and a slow database never fails them.
        lockDuration: 10_000,
        stalledInterval: 5_000,
        maxStalledCount: 5,
      }),
      new Worker('outbox', processMailBatch(), options),
      new Worker(
        'maintenance',
        async (job: Job) => {
          if (job.name === 'sweep') return sweep()
          if (job.name === 'digest') return new QueueDailyDigests().handle()
          return 'unknown job' // e.g. left by an older release: nothing to do
        },
        { ...options, concurrency: 1 }
      ),
      new Worker('relay', () => relayTick(), {
        ...options,
        concurrency: 1,
      }),
    ]
    for (const worker of workers) {
      worker.on('failed', (job, error) =>
        this.logger.warning(`${worker.name} job ${job?.id} failed: ${error.message}`)
      )
      worker.on('error', (error) => this.logger.warning(`${worker.name}: ${error.message}`))
    }
    // Outbox rows whose last retry failed are left visible as dead letters; if
    // the database is away too they stay queued and requeueStuck retries them.
    workers[1].on('failed', (job) => {
      onMailBatchFailed(job).catch((error) =>
        this.logger.warning(`dead letters for job ${job?.id}: ${error.message}`)
      )
    })

    const maintenance = queues.get('maintenance')
    const relay = queues.get('relay')
    await registerSchedulers(maintenance, relay)
    // Catch up at once instead of waiting for the first tick (a restart after downtime).
    await maintenance.add('sweep', {}, { jobId: `sweep-start-${Date.now()}` })

    // Redis may be flushed or replaced while we run: the schedulers live in
    // Redis too, so put them back (and sweep at once) when they disappear.
    const watchdog = setInterval(async () => {
      try {
        const present = await Promise.all([
          maintenance.getJobScheduler('sweep'),
          relay.getJobScheduler('relay'),
        ])
        if (present.every(Boolean)) return
        await registerSchedulers(maintenance, relay)
        await maintenance.add('sweep', {}, { jobId: `sweep-restore-${Date.now()}` })
        this.logger.warning('job schedulers were missing from Redis: restored')
      } catch {
        // Redis unreachable: try again on the next tick.
      }
    }, queueConfig.relayEveryMs)

    this.logger.info(`jobs:work running (pid ${process.pid})`)
    await new Promise<void>((resolve) => {
      const stop = async () => {
        clearInterval(watchdog)
        this.logger.info('jobs:work stopping')
        await Promise.all(workers.map((worker) => worker.close()))
        await queues.closeAll()
        resolve()
      }
      process.once('SIGTERM', stop)
      process.once('SIGINT', stop)
    })
    await this.terminate()
  }
}
