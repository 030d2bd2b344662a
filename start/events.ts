import emitter from '@adonisjs/core/services/emitter'

// A changed holiday schedule moves the running deadlines it touches.
emitter.on('calendar:schedule_changed', async (change) => {
  const { default: RecomputeDeadlines } = await import('#actions/tickets/recompute_deadlines')
  await new RecomputeDeadlines().handle(change)
})
