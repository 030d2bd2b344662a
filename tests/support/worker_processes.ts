import { spawn, type ChildProcess } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import app from '@adonisjs/core/services/app'

/**
 * Real `node ace jobs:work` processes for the resilience tests: the same
 * environment as the test process (its database and Redis db) with
 * NODE_ENV=test, plus whatever a test overrides (e.g. SMTP_PORT of a sink).
 */
export interface WorkerProcess {
  pid: number
  /** what the worker printed so far (for failure messages) */
  output(): string
  /** true once the process has exited, whatever the reason */
  exited(): boolean
  /** SIGKILL: no cleanup, no goodbye, as when the machine loses power */
  kill(): Promise<void>
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs` */
  stop(graceMs?: number): Promise<void>
}

const running = new Set<WorkerProcess>()

// Never leave a worker behind, whatever happens to the test run.
let exitHookInstalled = false
function installExitHook() {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.once('exit', () => {
    for (const worker of running) {
      try {
        process.kill(worker.pid, 'SIGKILL')
      } catch {
        // already gone
      }
    }
  })
}

function waitForExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })
}

export interface StartOptions {
  concurrency?: number
  env?: Record<string, string>
  /** how long to wait for "jobs:work running" */
  startTimeoutMs?: number
}

/** Starts `node ace jobs:work` and resolves once it reports that it runs. */
export async function startWorker(options: StartOptions = {}): Promise<WorkerProcess> {
  installExitHook()
  const child = spawn(
    process.execPath,
    ['ace', 'jobs:work', `--concurrency=${options.concurrency ?? 5}`],
    {
      cwd: app.makePath(),
      env: { ...process.env, NODE_ENV: 'test', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  )
  let output = ''
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000))
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)

  const worker: WorkerProcess = {
    pid: child.pid!,
    output: () => output,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    async kill() {
      if (!worker.exited()) child.kill('SIGKILL')
      await waitForExit(child)
      running.delete(worker)
    },
    async stop(graceMs = 10_000) {
      if (!worker.exited()) {
        child.kill('SIGTERM')
        const timeout = sleep(graceMs).then(() => {
          if (!worker.exited()) child.kill('SIGKILL')
        })
        await Promise.race([waitForExit(child), timeout])
        await waitForExit(child)
      }
      running.delete(worker)
    },
  }
  running.add(worker)

  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000)
  while (!output.includes('jobs:work running')) {
    if (worker.exited()) {
      running.delete(worker)
      throw new Error(`jobs:work exited while starting (${child.exitCode}):\n${output}`)
    }
    if (Date.now() > deadline) {
      await worker.kill()
      throw new Error(`jobs:work did not start in time:\n${output}`)
    }
    await sleep(50)
  }
  return worker
}

/** Stops every worker still running (teardown): SIGTERM first, SIGKILL after a grace. */
export async function stopAllWorkers(): Promise<void> {
  await Promise.all([...running].map((worker) => worker.stop(5000)))
}

/**
 * Polls `check` until it answers true; throws with `describe()` (the state
 * when it gave up) after `timeoutMs`.
 */
export async function waitUntil(
  label: string,
  check: () => Promise<boolean>,
  options: { timeoutMs: number; intervalMs?: number; describe?: () => Promise<string> | string }
): Promise<number> {
  const began = Date.now()
  for (;;) {
    if (await check()) return Date.now() - began
    if (Date.now() - began > options.timeoutMs) {
      const state = options.describe ? await options.describe() : ''
      throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${label}. ${state}`)
    }
    await sleep(options.intervalMs ?? 100)
  }
}
