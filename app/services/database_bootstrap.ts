import pg from 'pg'

export interface BootstrapOptions {
  host: string
  port: number
  adminUser: string
  adminPassword?: string
  role: string
  rolePassword?: string
  databases: string[]
}

/**
 * Creates the application's role and databases when they are missing, using a
 * superuser connection. Safe to run any number of times.
 *
 * @example await ensureDatabases({ host: '127.0.0.1', port: 5432, adminUser: 'postgres',
 *   role: 'jiesu', rolePassword: 'jiesu', databases: ['jiesu'] })
 */
export async function ensureDatabases(options: BootstrapOptions): Promise<string[]> {
  const created: string[] = []
  const client = new pg.Client({
    host: options.host,
    port: options.port,
    user: options.adminUser,
    password: options.adminPassword,
    database: 'postgres',
  })
  await client.connect()
  try {
    const role = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [options.role])
    const ident = pg.escapeIdentifier(options.role)
    const password = options.rolePassword
      ? ` PASSWORD ${pg.escapeLiteral(options.rolePassword)}`
      : ''
    if (role.rowCount === 0) {
      await client.query(`CREATE ROLE ${ident} LOGIN${password}`)
      created.push(`role ${options.role}`)
    }
    for (const name of options.databases) {
      const db = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
      if (db.rowCount === 0) {
        await client.query(
          `CREATE DATABASE ${pg.escapeIdentifier(name)} OWNER ${ident} ENCODING 'UTF8' TEMPLATE template0`
        )
        created.push(`database ${name}`)
      }
    }
  } finally {
    await client.end()
  }
  return created
}
