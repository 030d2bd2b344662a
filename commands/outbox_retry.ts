import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Puts every dead-letter outbox message back in the queue. */
export default class OutboxRetry extends BaseCommand {
  static commandName = 'outbox:retry'
  static description = 'Retry outbox messages that ended as dead letters'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { retryDeadLetters } = await import('#outbox/dead_letters')
    const count = await retryDeadLetters()
    this.logger.success(`${count} message(s) back to pending`)
  }
}
