import { spawn, type ChildProcess } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import { APP_ROOT, childEnv, type EnvMap } from './env.js'

export interface RunningWorker {
  pid: number
  output(): string
  stop(): Promise<void>
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })
}

/**
 * Starts the real worker process (`node ace jobs:work`, as the README runs
 * it) with exactly `env`, and waits until it reports that it runs.
 */
export async function startJobsWorker(
  env: EnvMap,
  timerConcurrency: number
): Promise<RunningWorker> {
  const child = spawn(
    process.execPath,
    ['ace', 'jobs:work', `--timer-concurrency=${timerConcurrency}`],
    {
      cwd: APP_ROOT,
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  )
  let output = ''
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000))
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)

  const stop = async () => {
    process.removeListener('exit', killOnExit)
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    const timeout = sleep(15_000).then(() => child.kill('SIGKILL'))
    await Promise.race([exited(child), timeout])
    await exited(child)
  }

  const deadline = Date.now() + 60_000
  while (!output.includes('jobs:work running')) {
    if (child.exitCode !== null) throw new Error(`jobs:work exited while starting:\n${output}`)
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`jobs:work did not start within 60 s:\n${output}`)
    }
    await sleep(100)
  }
  return { pid: child.pid!, output: () => output, stop }
}
