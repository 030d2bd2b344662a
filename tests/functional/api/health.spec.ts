import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { Redis } from 'ioredis'
import HealthService from '#services/health_service'
import { call, routeUrl } from '#tests/support/api'

test.group('GET /health', () => {
  test('answers 200 when the database and Redis both answer', async ({ client, assert }) => {
    const res = await call(client, 'GET', routeUrl('health'))

    res.assertStatus(200)
    assert.equal(res.body().status, 'ok')
    assert.deepEqual(res.body().failing, [])
    assert.isTrue(res.body().checks.database.ok)
    assert.isTrue(res.body().checks.redis.ok)
  })

  test('answers 503 naming redis when Redis does not answer', async ({ client, assert }) => {
    // A real client aimed at a closed port: it fails at once instead of retrying.
    const unreachable = new Redis({
      host: '127.0.0.1',
      port: 1,
      lazyConnect: true,
      retryStrategy: () => null,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
    })
    // The failure is reported through the rejected ping; keep ioredis from logging it too.
    unreachable.on('error', () => {})
    app.container.swap(
      HealthService,
      () =>
        new HealthService({
          ...HealthService.defaultChecks(),
          redis: async () => {
            await unreachable.ping()
          },
        })
    )

    try {
      const res = await call(client, 'GET', routeUrl('health'))

      res.assertStatus(503)
      assert.equal(res.body().status, 'unavailable')
      assert.deepEqual(res.body().failing, ['redis'])
      assert.isTrue(res.body().checks.database.ok)
      assert.isFalse(res.body().checks.redis.ok)
      assert.isString(res.body().checks.redis.message)
    } finally {
      app.container.restore(HealthService)
      unreachable.disconnect()
    }

    // The real service is back once the swap is restored.
    const restored = await call(client, 'GET', routeUrl('health'))
    restored.assertStatus(200)
  })
})
