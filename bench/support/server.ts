import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { APP_ROOT, childEnv, type EnvMap } from './env.js'

export interface RunningServer {
  url: string
  pid: number
  /** the last lines the server printed (for an error message) */
  output(): string
  stop(): Promise<void>
}

/** A TCP port nobody listens on right now. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, host, () => {
      const address = probe.address()
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port'))
      )
    })
  })
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })
}

/**
 * Starts the real web process (`bin/server.ts`, as `npm run demo` does) on a
 * free port with exactly `env`, and waits until GET /health answers 200.
 */
export async function startServer(env: EnvMap): Promise<RunningServer> {
  const host = env.HOST || '127.0.0.1'
  const port = await freePort(host)
  const url = `http://${host}:${port}`
  // BENCH_PROFILE_DIR=<dir> writes the server's V8 CPU profile there on stop.
  const profile = process.env.BENCH_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : []
  const child = spawn(
    process.execPath,
    [...profile, '--import=@poppinss/ts-exec', 'bin/server.ts'],
    {
      cwd: APP_ROOT,
      env: childEnv({ ...env, HOST: host, PORT: String(port), APP_URL: url }),
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  )
  let output = ''
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000))
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  // Never leave the server behind, whatever happens to the bench.
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)

  const stop = async () => {
    process.removeListener('exit', killOnExit)
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    const timeout = sleep(10_000).then(() => child.kill('SIGKILL'))
    await Promise.race([exited(child), timeout])
    await exited(child)
  }

  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the server exited with ${child.exitCode} while starting:\n${output}`)
    }
    try {
      const response = await fetch(`${url}/health`)
      await response.arrayBuffer()
      if (response.status === 200) return { url, pid: child.pid!, output: () => output, stop }
    } catch {
      // not listening yet
    }
    await sleep(250)
  }
  await stop()
  throw new Error(`the server did not answer GET /health within 90 s:\n${output}`)
}
