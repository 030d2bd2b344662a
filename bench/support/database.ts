import { spawn } from 'node:child_process'
import pg from 'pg'
import { ensureDatabases } from '#services/database_bootstrap'
import { APP_ROOT, childEnv, type EnvMap } from './env.js'

const adminClient = (env: EnvMap, database = 'postgres') =>
  new pg.Client({
    host: env.DB_HOST,
    port: Number(env.DB_PORT),
    user: env.DB_ADMIN_USER || 'postgres',
    password: env.DB_ADMIN_PASSWORD || undefined,
    database,
  })

/** A pool on the bench database as the application's role. */
export function appPool(env: EnvMap, max: number): pg.Pool {
  const pool = new pg.Pool({
    host: env.DB_HOST,
    port: Number(env.DB_PORT),
    user: env.DB_USER,
    password: env.DB_PASSWORD || undefined,
    database: env.DB_DATABASE,
    max,
  })
  // An idle connection cut by the server (a restart on a shared box) must not kill the bench.
  pool.on('error', () => {})
  return pool
}

/** Runs `node ace …` with exactly `env`; throws with its output when it fails. */
export function runAce(args: string[], env: EnvMap): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['ace', ...args], {
      cwd: APP_ROOT,
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0) resolve(output)
      else reject(new Error(`node ace ${args.join(' ')} exited with ${code}:\n${output}`))
    })
  })
}

/**
 * Creates the role and the bench database when missing, through the app's
 * own bootstrap as the superuser DB_ADMIN_USER; `fresh` drops it first.
 */
export async function createDatabase(env: EnvMap, options: { fresh: boolean }): Promise<void> {
  if (options.fresh) {
    const admin = adminClient(env)
    await admin.connect()
    try {
      await admin.query(
        `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(env.DB_DATABASE)} WITH (FORCE)`
      )
    } finally {
      await admin.end()
    }
  }
  await ensureDatabases({
    host: env.DB_HOST,
    port: Number(env.DB_PORT),
    adminUser: env.DB_ADMIN_USER || 'postgres',
    adminPassword: env.DB_ADMIN_PASSWORD || undefined,
    role: env.DB_USER,
    rolePassword: env.DB_PASSWORD || undefined,
    databases: [env.DB_DATABASE],
  })
}

/** Runs the app's migrations and its (idempotent) seeder: departments, users, calendars, SLA policies. */
export async function migrateAndSeed(env: EnvMap): Promise<void> {
  await runAce(['migration:run', '--force'], env)
  await runAce(['db:seed'], env)
}

const KEY_SETTING = 'jiesu_bench.app_key'

/**
 * The APP_KEY that encrypted the phone numbers already in a bench database,
 * kept as a per-database setting so a rerun can still decrypt them; `make`
 * gives a new one the first time.
 */
export async function databaseAppKey(env: EnvMap, make: () => string): Promise<string> {
  const client = adminClient(env, env.DB_DATABASE)
  await client.connect()
  try {
    const { rows } = await client.query('SELECT current_setting($1, true) AS key', [KEY_SETTING])
    if (rows[0].key) return rows[0].key as string
    const key = make()
    await client.query(
      `ALTER DATABASE ${pg.escapeIdentifier(env.DB_DATABASE)} SET ${KEY_SETTING} = ${pg.escapeLiteral(key)}`
    )
    return key
  } finally {
    await client.end()
  }
}

type Queryable = pg.Pool | pg.PoolClient

type AnyRow = Record<string, any>

/** The rows of a query. */
export async function allRows<T extends AnyRow = AnyRow>(
  db: Queryable,
  sql: string,
  values: unknown[] = []
): Promise<T[]> {
  const { rows } = await db.query<T>(sql, values)
  return rows
}

/** The first row of a query. */
export async function firstRow<T extends AnyRow = AnyRow>(
  db: Queryable,
  sql: string,
  values: unknown[] = []
): Promise<T> {
  const [row] = await allRows<T>(db, sql, values)
  return row
}
