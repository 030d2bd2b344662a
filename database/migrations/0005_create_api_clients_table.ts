import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'api_clients'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('name', 100).notNullable()
      // Public identifier sent with each signed request.
      table.string('key_id', 64).notNullable().unique()
      // The shared HMAC secret, encrypted with APP_KEY (it must be recoverable
      // to verify signatures, so it cannot be hashed).
      table.text('secret_encrypted').notNullable()
      table.jsonb('scopes').notNullable().defaultTo('[]')
      table.boolean('is_active').notNullable().defaultTo(true)
      table.timestamp('last_used_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
