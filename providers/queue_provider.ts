import type { ApplicationService } from '@adonisjs/core/types'

/**
 * Closes the producer-side queue connections when the app shuts down, so web
 * processes, ace commands and the test runner exit instead of being held open
 * by Redis sockets.
 */
export default class QueueProvider {
  constructor(protected app: ApplicationService) {}

  async shutdown() {
    const { default: queues } = await import('#services/queues')
    await queues.closeAll()
  }
}
