import env from '#start/env'
import pg from 'pg'
import { defineConfig } from '@adonisjs/lucid'

// DATE columns (calendar days) are calendar dates, not instants: keep them as
// 'yyyy-MM-dd' strings instead of node-pg's local-midnight Date.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value)
// bigint ids and counts: plain numbers in JSON (ids stay far below 2^53).
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value))

const dbConfig = defineConfig({
  connection: 'postgres',
  connections: {
    postgres: {
      client: 'pg',
      connection: {
        host: env.get('DB_HOST'),
        port: env.get('DB_PORT'),
        user: env.get('DB_USER'),
        password: env.get('DB_PASSWORD'),
        database: env.get('DB_DATABASE'),
      },
      pool: { min: 0, max: 10 },
      migrations: { naturalSort: true, paths: ['database/migrations'] },
      // Models declare their columns explicitly (one place to read a table's
      // shape and its TypeScript types), so the generated schema file is off.
      schemaGeneration: { enabled: false },
    },
  },
})

export default dbConfig
