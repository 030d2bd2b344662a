import { readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'

/** USER_HZ: the unit of /proc/<pid>/stat times on Linux. */
const TICKS_PER_SECOND = 100

/**
 * CPU time (user + system, ms) another process has used so far, from
 * /proc (Linux); null elsewhere. Under a busy machine this is steadier than
 * a rate: it tells how much work each request costs the server.
 */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // fields[11], fields[12]: utime, stime (the 14th and 15th of the whole line)
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND
  } catch {
    return null
  }
}

/**
 * CPU time (ms) every PostgreSQL process on this machine has used so far
 * (Linux; null elsewhere). Backends come and go with connections, so a
 * difference over a run counts only those alive at both ends: both sides
 * of the bench keep their pool connections open for their whole run.
 */
export function postgresCpuMs(): number | null {
  let total = 0
  let found = false
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue
      try {
        if (!readFileSync(`/proc/${entry}/comm`, 'utf8').startsWith('postgres')) continue
        const ms = processCpuMs(Number(entry))
        if (ms !== null) {
          total += ms
          found = true
        }
      } catch {
        // the process has gone
      }
    }
  } catch {
    return null
  }
  return found ? total : null
}

/** CPU time (user + system, ms) this process has used so far. */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/** "2 cores, load average 1.52 1.20 0.98": other work on the box skews every figure. */
export function machineLine(): string {
  const load = os.loadavg().map((n) => n.toFixed(2))
  return `node ${process.version}, ${os.cpus().length} cores, load average ${load.join(' ')}`
}
