import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import env from '#start/env'
import { ensureDatabases } from '#services/database_bootstrap'

/** Creates the configured database role and database if they do not exist. */
export default class DbSetup extends BaseCommand {
  static commandName = 'db:setup'
  static description = 'Create the PostgreSQL role and database named in .env when missing'
  static options: CommandOptions = { startApp: false }

  async run() {
    const adminUser = env.get('DB_ADMIN_USER')
    if (!adminUser) {
      this.logger.info('DB_ADMIN_USER is empty: assuming the role and database exist')
      return
    }
    const created = await ensureDatabases({
      host: env.get('DB_HOST'),
      port: env.get('DB_PORT'),
      adminUser,
      adminPassword: env.get('DB_ADMIN_PASSWORD'),
      role: env.get('DB_USER'),
      rolePassword: env.get('DB_PASSWORD'),
      databases: [env.get('DB_DATABASE')],
    })
    this.logger.success(
      created.length ? `created ${created.join(', ')}` : 'role and database already exist'
    )
  }
}
