import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { Redis } from 'ioredis'
import { freePort } from './server.js'

export interface PrivateRedis {
  host: string
  port: number
  client: Redis
  /** INFO memory's used_memory, in bytes */
  usedMemory(): Promise<number>
  stop(): Promise<void>
}

/**
 * A Redis server of the bench's own (`redis-server` on a free port, no
 * persistence), so FLUSHALL is safe and INFO memory counts only what the
 * bench put there: the shared server's used_memory moves with everyone's work.
 */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const host = '127.0.0.1'
  const port = await freePort(host)
  const dir = await mkdtemp(path.join(os.tmpdir(), 'jiesu-bench-redis-'))
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', host, '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  )
  let output = ''
  child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-4000)))
  child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-4000)))
  const failed = new Promise<never>((_, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}:\n${output}`)))
  })
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)

  const client = new Redis({ host, port, lazyConnect: true, maxRetriesPerRequest: 1 })
  // Refused connections while the server starts are expected; commands still reject.
  client.on('error', () => {})
  const deadline = Date.now() + 10_000
  for (;;) {
    try {
      await Promise.race([client.connect(), failed])
      break
    } catch (error) {
      if (Date.now() > deadline || child.exitCode !== null) throw error
      client.disconnect()
      await sleep(100)
    }
  }
  return {
    host,
    port,
    client,
    async usedMemory() {
      const info = await client.info('memory')
      return Number(/^used_memory:(\d+)/m.exec(info)?.[1] ?? Number.NaN)
    },
    async stop() {
      process.removeListener('exit', killOnExit)
      client.disconnect()
      failed.catch(() => {})
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await new Promise((resolve) => child.once('exit', resolve))
      }
      await rm(dir, { recursive: true, force: true })
    },
  }
}
