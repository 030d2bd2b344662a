import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import { MAX_FAILED_LOGINS } from '#services/login_throttle'
import { LAST_USED_AT_RESOLUTION_MS } from '#services/throttled_access_tokens'
import { buildOrg, fixtureEmail, FIXTURE_PASSWORD } from '#tests/support/org_fixtures'
import { call, clearLoginThrottle, errorsOf, fieldMessages, type Locale } from '#tests/support/api'

// Functions, not constants: route names resolve once the server has started.
const signIn = () => urlFor('api.auth.tokens.store')
const me = () => urlFor('api.auth.me')
const revoke = () => urlFor('api.auth.tokens.destroy')

const WRONG_CREDENTIALS: { language: string; locale?: Locale; message: string }[] = [
  { language: 'default', message: '邮箱或密码不正确' },
  { language: 'zh-CN', locale: 'zh-CN', message: '邮箱或密码不正确' },
  { language: 'en', locale: 'en', message: 'Wrong email or password' },
]

test.group('API auth tokens: sign-in', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearLoginThrottle())

  test('the right email and password get a bearer token that works on /auth/me', async ({
    client,
    assert,
  }) => {
    const org = await buildOrg()
    const res = await call(client, 'POST', signIn(), {
      body: { email: fixtureEmail('operator').toUpperCase(), password: FIXTURE_PASSWORD },
    })

    res.assertStatus(201)
    const body = res.body()
    assert.equal(body.type, 'bearer')
    assert.match(body.token, /^oat_/)
    assert.equal(body.user.id, org.users.operator.id)
    assert.notProperty(body.user, 'password')

    const meRes = await call(client, 'GET', me(), { token: body.token })
    meRes.assertStatus(200)
    assert.equal(meRes.body().user.email, fixtureEmail('operator'))
    assert.equal(meRes.body().user.role, 'operator')
  })

  test('a wrong password answers 400 "{message}" ({language})')
    .with(WRONG_CREDENTIALS)
    .run(async ({ client, assert }, row) => {
      await buildOrg()
      const res = await call(client, 'POST', signIn(), {
        locale: row.locale,
        body: { email: fixtureEmail('operator'), password: 'not-the-password' },
      })

      res.assertStatus(400)
      assert.deepEqual(errorsOf(res), [{ message: row.message }])
      assert.notProperty(res.body(), 'token')
    })

  test('an unknown email answers exactly like a wrong password', async ({ client, assert }) => {
    await buildOrg()
    const res = await call(client, 'POST', signIn(), {
      locale: 'en',
      body: { email: 'nobody@fx.jiesu.test', password: FIXTURE_PASSWORD },
    })

    res.assertStatus(400)
    assert.deepEqual(errorsOf(res), [{ message: 'Wrong email or password' }])
  })

  test('a deactivated account cannot sign in, even with the right password', async ({
    client,
    assert,
  }) => {
    const org = await buildOrg()
    org.users.operator.isActive = false
    await org.users.operator.save()
    const tokensBefore = await User.accessTokens.all(org.users.operator)

    const res = await call(client, 'POST', signIn(), {
      body: { email: fixtureEmail('operator'), password: FIXTURE_PASSWORD },
    })

    res.assertStatus(400)
    assert.deepEqual(errorsOf(res), [{ message: '邮箱或密码不正确' }])
    assert.lengthOf(await User.accessTokens.all(org.users.operator), tokensBefore.length)
  })

  test('a token of an account deactivated behind the API is refused with 401', async ({
    client,
    assert,
  }) => {
    const org = await buildOrg()
    const token = await org.tokenFor('operator')
    org.users.operator.isActive = false
    await org.users.operator.save()

    const res = await call(client, 'GET', me(), { token, locale: 'en' })

    res.assertStatus(401)
    const [error] = errorsOf(res)
    assert.equal(error.code, 'E_ACCOUNT_DISABLED')
    assert.notMatch(error.message, /translation missing/)
  })

  test('deactivating an account through the API revokes its tokens at once', async ({
    client,
    assert,
  }) => {
    const org = await buildOrg()
    const staffToken = await org.tokenFor('department_staff')
    const adminToken = await org.tokenFor('admin')

    const deactivate = await call(
      client,
      'POST',
      urlFor('api.users.deactivate', { id: org.users.department_staff.id }),
      { token: adminToken }
    )
    deactivate.assertStatus(200)

    const res = await call(client, 'GET', me(), { token: staffToken })
    res.assertStatus(401)
    assert.deepEqual(errorsOf(res), [{ message: '请先登录' }])
    assert.lengthOf(await User.accessTokens.all(org.users.department_staff), 0)
  })

  test('missing fields answer 422 with field messages ({language})')
    .with([
      { language: 'default', locale: undefined, email: '邮箱不能为空', password: '密码不能为空' },
      {
        language: 'zh-CN',
        locale: 'zh-CN' as const,
        email: '邮箱不能为空',
        password: '密码不能为空',
      },
      {
        language: 'en',
        locale: 'en' as const,
        email: 'The email field is required',
        password: 'The password field is required',
      },
    ])
    .run(async ({ client, assert }, row) => {
      const res = await call(client, 'POST', signIn(), { locale: row.locale, body: {} })

      res.assertStatus(422)
      assert.deepEqual(fieldMessages(res), { email: row.email, password: row.password })
    })
})

test.group('API auth tokens: throttling', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearLoginThrottle())

  const failOnce = (client: ApiClient, email: string) =>
    call(client, 'POST', signIn(), { body: { email, password: 'not-the-password' } })

  test('after 5 failures the 6th attempt answers 429 with Retry-After, even with the right password', async ({
    client,
    assert,
  }) => {
    await buildOrg()
    const email = fixtureEmail('supervisor')
    for (let attempt = 1; attempt <= MAX_FAILED_LOGINS; attempt++) {
      const failure = await failOnce(client, email)
      failure.assertStatus(400)
    }

    const res = await call(client, 'POST', signIn(), {
      body: { email, password: FIXTURE_PASSWORD },
    })

    res.assertStatus(429)
    const retryAfter = Number(res.header('retry-after'))
    assert.isAbove(retryAfter, 0)
    assert.isAtMost(retryAfter, 15 * 60)
    assert.equal(errorsOf(res)[0].message, `登录失败次数过多，请在${retryAfter}秒后再试`)
    assert.notProperty(res.body(), 'token')
  })

  test('the 429 message is translated (Accept-Language: en)', async ({ client, assert }) => {
    await buildOrg()
    const email = fixtureEmail('supervisor')
    for (let attempt = 1; attempt <= MAX_FAILED_LOGINS; attempt++) await failOnce(client, email)

    const res = await call(client, 'POST', signIn(), {
      locale: 'en',
      body: { email, password: FIXTURE_PASSWORD },
    })

    res.assertStatus(429)
    const retryAfter = Number(res.header('retry-after'))
    assert.equal(
      errorsOf(res)[0].message,
      `Too many failed sign-ins; try again in ${retryAfter} seconds`
    )
  })

  test('throttling is per account: another email from the same address still signs in', async ({
    client,
  }) => {
    await buildOrg()
    for (let attempt = 1; attempt <= MAX_FAILED_LOGINS; attempt++) {
      await failOnce(client, fixtureEmail('supervisor'))
    }

    const res = await call(client, 'POST', signIn(), {
      body: { email: fixtureEmail('auditor'), password: FIXTURE_PASSWORD },
    })

    res.assertStatus(201)
  })

  test('a successful sign-in resets the failure count', async ({ client }) => {
    await buildOrg()
    const email = fixtureEmail('supervisor')
    for (let attempt = 1; attempt < MAX_FAILED_LOGINS; attempt++) await failOnce(client, email)
    const success = await call(client, 'POST', signIn(), {
      body: { email, password: FIXTURE_PASSWORD },
    })
    success.assertStatus(201)
    for (let attempt = 1; attempt < MAX_FAILED_LOGINS; attempt++) await failOnce(client, email)

    const res = await call(client, 'POST', signIn(), {
      body: { email, password: FIXTURE_PASSWORD },
    })

    res.assertStatus(201)
  })
})

test.group('API auth tokens: revocation and missing tokens', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('DELETE /auth/tokens/current revokes only the token used', async ({ client, assert }) => {
    const org = await buildOrg()
    const revoked = await org.tokenFor('auditor')
    const other = await org.tokenFor('auditor')

    const res = await call(client, 'DELETE', revoke(), { token: revoked })
    res.assertStatus(204)

    const again = await call(client, 'GET', me(), { token: revoked, locale: 'en' })
    again.assertStatus(401)
    assert.deepEqual(errorsOf(again), [{ message: 'Please sign in' }])
    const stillValid = await call(client, 'GET', me(), { token: other })
    stillValid.assertStatus(200)
    assert.lengthOf(await User.accessTokens.all(org.users.auditor), 1)
  })

  test('{label} answers 401 "{message}"')
    .with([
      { label: 'no token', token: undefined, locale: undefined, message: '请先登录' },
      {
        label: 'no token (en)',
        token: undefined,
        locale: 'en' as const,
        message: 'Please sign in',
      },
      {
        label: 'a made-up token',
        token: 'oat_MQ.bm90LWEtcmVhbC10b2tlbg',
        locale: undefined,
        message: '请先登录',
      },
    ])
    .run(async ({ client, assert }, row) => {
      const res = await call(client, 'GET', me(), { token: row.token, locale: row.locale })

      res.assertStatus(401)
      assert.deepEqual(errorsOf(res), [{ message: row.message }])
    })
})

test.group('API auth tokens: last_used_at', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  // Each test's auditor holds the one token it was given.
  const recorded = async (user: User) => {
    const [token] = await User.accessTokens.all(user)
    return { id: String(token.identifier), at: token.lastUsedAt }
  }

  test('the first use records it; uses within a minute leave it alone', async ({
    client,
    assert,
  }) => {
    const org = await buildOrg()
    const token = await org.tokenFor('auditor')
    assert.isNull((await recorded(org.users.auditor)).at)

    ;(await call(client, 'GET', me(), { token })).assertStatus(200)
    const first = (await recorded(org.users.auditor)).at
    assert.instanceOf(first, Date)
    ;(await call(client, 'GET', me(), { token })).assertStatus(200)

    assert.equal((await recorded(org.users.auditor)).at!.getTime(), first!.getTime())
  })

  test('a use more than a minute after the recorded one records it again', async ({
    client,
    assert,
  }) => {
    const org = await buildOrg()
    const token = await org.tokenFor('auditor')
    const { id } = await recorded(org.users.auditor)
    const stale = new Date(Date.now() - LAST_USED_AT_RESOLUTION_MS - 1000)
    await db.from('auth_access_tokens').where('id', id).update({ last_used_at: stale })

    ;(await call(client, 'GET', me(), { token })).assertStatus(200)

    assert.isAbove((await recorded(org.users.auditor)).at!.getTime(), Date.now() - 10_000)
  })

  test('a wrong secret for a real token id is refused and records nothing', async ({
    client,
    assert,
  }) => {
    const org = await buildOrg()
    const token = await org.tokenFor('auditor')
    const forged = `${token.split('.')[0]}.${Buffer.from('not-the-secret').toString('base64url')}`

    const res = await call(client, 'GET', me(), { token: forged })

    res.assertStatus(401)
    assert.isNull((await recorded(org.users.auditor)).at)
  })
})
