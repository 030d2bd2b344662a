import { test } from '@japa/runner'
import limiter from '@adonisjs/limiter/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import { seedOrganisation } from '#database/seeding/organisation'
import User from '#models/user'
import { DEMO_PASSWORD } from '#database/demo_data/demo_users'
import { MAX_FAILED_LOGINS } from '#services/login_throttle'

test.group('Web sign-in (session)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(async () => {
    await limiter.clear()
    await seedOrganisation()
  })

  test('the login page is in Chinese by default and in English on request', async ({ client }) => {
    const zh = await client.get('/login')
    zh.assertStatus(200)
    zh.assertTextIncludes('邮箱')
    zh.assertTextIncludes('登录')

    const en = await client.get('/login').header('accept-language', 'en')
    en.assertTextIncludes('Sign in')
  })

  test('signing in with the right password opens the dashboard', async ({ client }) => {
    const response = await client
      .post('/login')
      .form({ email: 'operator@km12345.example', password: DEMO_PASSWORD })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/')

    const operator = await User.findByOrFail('email', 'operator@km12345.example')
    const dashboard = await client.get('/').loginAs(operator)
    dashboard.assertStatus(200)
    dashboard.assertTextIncludes('话务员 李娜，您好')
  })

  test('a wrong password goes back to the form with a message', async ({ client }) => {
    const response = await client
      .post('/login')
      .header('referer', '/login')
      .form({ email: 'operator@km12345.example', password: 'wrong-password' })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('error', '邮箱或密码不正确')
  })

  test('a form post without the CSRF token is refused', async ({ client }) => {
    const response = await client
      .post('/login')
      .form({ email: 'operator@km12345.example', password: DEMO_PASSWORD })
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('error', 'Invalid or expired CSRF token')
  })

  test('after {$self} failed sign-ins the account is locked for the address (429)')
    .with([MAX_FAILED_LOGINS])
    .run(async ({ client, assert }, failures) => {
      for (let attempt = 0; attempt < failures; attempt++) {
        const wrong = await client
          .post('/login')
          .form({ email: 'staff@km12345.example', password: 'nope' })
          .withCsrfToken()
          .redirects(0)
        wrong.assertStatus(302)
      }
      // Even the right password is refused now, without being checked.
      const locked = await client
        .post('/login')
        .accept('json')
        .form({ email: 'staff@km12345.example', password: DEMO_PASSWORD })
        .withCsrfToken()
      locked.assertStatus(429)
      assert.isAbove(Number(locked.header('retry-after')), 0)
      assert.match(locked.body().errors[0].message, /登录失败次数过多/)

      // Another account from the same address is unaffected.
      const other = await client
        .post('/login')
        .form({ email: 'auditor@km12345.example', password: DEMO_PASSWORD })
        .withCsrfToken()
        .redirects(0)
      other.assertHeader('location', '/')
    })

  test('a deactivated account cannot sign in', async ({ client }) => {
    await User.query().where('email', 'auditor@km12345.example').update({ isActive: false })
    const response = await client
      .post('/login')
      .form({ email: 'auditor@km12345.example', password: DEMO_PASSWORD })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('error', '邮箱或密码不正确')
  })

  test('signing out ends the session', async ({ client }) => {
    const operator = await User.findByOrFail('email', 'operator@km12345.example')
    const response = await client.post('/logout').loginAs(operator).withCsrfToken().redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
    const after = await client.get('/').redirects(0)
    after.assertStatus(302)
    after.assertHeader('location', '/login')
  })

  test('pages need a session: anonymous visitors are sent to the login page', async ({
    client,
  }) => {
    for (const url of ['/', '/admin/departments', '/admin/categories', '/admin/users']) {
      const response = await client.get(url).redirects(0)
      response.assertStatus(302)
      response.assertHeader('location', '/login')
    }
  })
})
