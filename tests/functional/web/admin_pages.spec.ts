import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { seedOrganisation } from '#database/seeding/organisation'
import Department from '#models/department'
import User from '#models/user'

const userByEmail = (email: string) => User.findByOrFail('email', email)

test.group('Admin pages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => seedOrganisation())

  test('an admin creates a department through the form', async ({ client, assert }) => {
    const admin = await userByEmail('admin@km12345.example')
    const parent = await Department.findByOrFail('code', '530114')
    const response = await client
      .post('/admin/departments')
      .loginAs(admin)
      .withCsrfToken()
      .form({
        code: '530114-sw',
        name: '呈贡区水务局',
        level: 'district',
        parentId: String(parent.id),
        contactEmails: 'cgq-swj@km12345.example, duty@km12345.example',
      })
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/admin/departments')
    const created = await Department.findByOrFail('code', '530114-SW')
    assert.deepEqual(created.contactEmails, ['cgq-swj@km12345.example', 'duty@km12345.example'])
    assert.equal(created.path, `${parent.path}${created.id}/`)
  })

  test('an invalid form comes back with field messages and writes nothing', async ({
    client,
    assert,
  }) => {
    const admin = await userByEmail('admin@km12345.example')
    const before = await Department.query().count('* as total').firstOrFail()
    const response = await client
      .post('/admin/departments')
      .header('referer', '/admin/departments/new')
      .loginAs(admin)
      .withCsrfToken()
      .form({ code: 'bad code', name: '', level: 'street' })
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('inputErrorsBag', {
      code: ['编码格式不正确'],
      name: ['名称不能为空'],
    })
    const after = await Department.query().count('* as total').firstOrFail()
    assert.equal(after.$extras.total, before.$extras.total)
  })

  test('a department leader sees only their subtree in the list', async ({ client }) => {
    const leader = await userByEmail('leader@km12345.example')
    const response = await client.get('/admin/departments').loginAs(leader)
    response.assertStatus(200)
    response.assertTextIncludes('呈贡区住房和城乡建设局')
    response.assertTextIncludes('呈贡区龙城街道')
    const body = response.text()
    if (body.includes('五华区人民政府') || body.includes('昆明市公安局')) {
      throw new Error('a department outside the leader subtree is listed')
    }
  })

  test('a department user gets 404 for the edit page of another department', async ({ client }) => {
    const staff = await userByEmail('staff@km12345.example')
    const other = await Department.findByOrFail('code', '530100-GA')
    const response = await client.get(`/admin/departments/${other.id}/edit`).loginAs(staff)
    response.assertStatus(404)
  })

  test('operators may read the category tree but not open its forms', async ({ client }) => {
    const operator = await userByEmail('operator@km12345.example')
    const list = await client.get('/admin/categories').loginAs(operator)
    list.assertStatus(200)
    list.assertTextIncludes('城乡建设')
    const form = await client.get('/admin/categories/new').loginAs(operator)
    form.assertStatus(403)
  })

  test('the users page follows the role: 403 for staff, own staff for a leader', async ({
    client,
  }) => {
    const staff = await userByEmail('staff@km12345.example')
    const refused = await client.get('/admin/users').loginAs(staff)
    refused.assertStatus(403)

    const leader = await userByEmail('leader@km12345.example')
    const page = await client.get('/admin/users').loginAs(leader)
    page.assertStatus(200)
    page.assertTextIncludes('staff@km12345.example')
    const body = page.text()
    if (body.includes('admin@km12345.example'))
      throw new Error('a center account is listed for a leader')
  })

  test('the language switch renders the pages in English', async ({ client }) => {
    const admin = await userByEmail('admin@km12345.example')
    const response = await client
      .get('/admin/departments')
      .loginAs(admin)
      .plainCookie('jiesu-locale', 'en')
    response.assertTextIncludes('Departments')
    response.assertTextIncludes('Contact emails')
  })
})
