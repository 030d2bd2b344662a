import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The repository root, where `ace` and `bin/server.ts` live. */
export const APP_ROOT = fileURLToPath(new URL('../../', import.meta.url))

export type EnvMap = Record<string, string>

/**
 * The variables documented in `.env.example` (the committed defaults), so a
 * bench runs on a fresh clone that has no `.env`.
 */
export function exampleEnv(): EnvMap {
  const env: EnvMap = {}
  for (const line of readFileSync(new URL('../../.env.example', import.meta.url), 'utf8').split(
    '\n'
  )) {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim())
    if (match) env[match[1]] = match[2]
  }
  return env
}

export const generateAppKey = () => randomBytes(32).toString('base64url')

/**
 * The application's environment for a bench: `.env.example` with its own
 * database and APP_KEY, production mode as deployed (compiled templates
 * cached, no debug pages) and quiet logs.
 */
export function benchEnv(database: string, appKey: string, overrides: EnvMap = {}): EnvMap {
  return {
    ...exampleEnv(),
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DB_DATABASE: database,
    APP_KEY: appKey,
    ...overrides,
  }
}

/**
 * What a child process gets: the bench environment and just enough of ours to
 * find `node`. Nothing else leaks in (a developer's shell exports, their
 * `.env` values: the app lets process variables win over `.env`, and every
 * variable it reads is set here).
 */
export function childEnv(env: EnvMap): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env }
}

/** A positive number from an environment variable, for shorter or longer runs. */
export function numberFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? value : fallback
}
