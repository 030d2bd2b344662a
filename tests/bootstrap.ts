import { assert } from '@japa/assert'
import { apiClient } from '@japa/api-client'
import app from '@adonisjs/core/services/app'
import type { Config } from '@japa/runner/types'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import { sessionApiClient } from '@adonisjs/session/plugins/api_client'
import { authApiClient } from '@adonisjs/auth/plugins/api_client'
import { shieldApiClient } from '@adonisjs/shield/plugins/api_client'
import testUtils from '@adonisjs/core/services/test_utils'
import env from '#start/env'
import { ensureDatabases } from '#services/database_bootstrap'
import { spec } from '@japa/runner/reporters'
import { summaryReporter } from '#tests/support/summary_reporter'

export const reporters: Config['reporters'] = {
  activated: ['spec', 'summary'],
  list: [spec(), summaryReporter()],
}

export const plugins: Config['plugins'] = [
  assert(),
  apiClient(),
  pluginAdonisJS(app),
  sessionApiClient(app),
  authApiClient(app),
  shieldApiClient(),
]

/**
 * The suite talks to the real PostgreSQL and Redis: it creates the test role
 * and database when missing, migrates, and empties its own Redis database.
 */
export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  setup: [
    async () => {
      const adminUser = env.get('DB_ADMIN_USER')
      if (adminUser) {
        await ensureDatabases({
          host: env.get('DB_HOST'),
          port: env.get('DB_PORT'),
          adminUser,
          adminPassword: env.get('DB_ADMIN_PASSWORD'),
          role: env.get('DB_USER'),
          rolePassword: env.get('DB_PASSWORD'),
          databases: [env.get('DB_DATABASE')],
        })
      }
    },
    () => testUtils.db().migrate(),
    async () => {
      const redis = await app.container.make('redis')
      await redis.connection().flushdb()
    },
  ],
  teardown: [],
}

export const configureSuite: Config['configureSuite'] = (suite) => {
  if (['browser', 'functional', 'integration', 'e2e'].includes(suite.name)) {
    return suite.setup(() => testUtils.httpServer().start())
  }
}
