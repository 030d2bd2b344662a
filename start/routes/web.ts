import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const SessionController = () => import('#controllers/web/session_controller')
const DashboardController = () => import('#controllers/web/dashboard_controller')
const LocaleController = () => import('#controllers/web/locale_controller')
const DepartmentsPages = () => import('#controllers/web/admin/departments_controller')
const CategoriesPages = () => import('#controllers/web/admin/categories_controller')
const UsersPages = () => import('#controllers/web/admin/users_controller')
const SlaPoliciesPages = () => import('#controllers/web/admin/sla_policies_controller')
const DeadlinesPages = () => import('#controllers/web/admin/deadlines_controller')

const numericId = router.matchers.number()

// Pages keep a session and CSRF protection; the API does without (start/kernel.ts).
router
  .group(() => {
    router.get('/locale/:locale', [LocaleController, 'update']).as('locale.update')

    router
      .group(() => {
        router.get('/login', [SessionController, 'create']).as('session.create')
        router.post('/login', [SessionController, 'store']).as('session.store')
      })
      .use(middleware.guest())

    router
      .group(() => {
        router.get('/', [DashboardController, 'show']).as('home')
        router.post('/logout', [SessionController, 'destroy']).as('session.destroy')

        router
          .group(() => {
            router.get('/departments', [DepartmentsPages, 'index']).as('departments.index')
            router.get('/departments/new', [DepartmentsPages, 'create']).as('departments.create')
            router.post('/departments', [DepartmentsPages, 'store']).as('departments.store')
            router
              .get('/departments/:id/edit', [DepartmentsPages, 'edit'])
              .where('id', numericId)
              .as('departments.edit')
            router
              .post('/departments/:id', [DepartmentsPages, 'update'])
              .where('id', numericId)
              .as('departments.update')
            router
              .post('/departments/:id/active', [DepartmentsPages, 'toggle'])
              .where('id', numericId)
              .as('departments.toggle')

            router.get('/categories', [CategoriesPages, 'index']).as('categories.index')
            router.get('/categories/new', [CategoriesPages, 'create']).as('categories.create')
            router.post('/categories', [CategoriesPages, 'store']).as('categories.store')
            router
              .get('/categories/:id/edit', [CategoriesPages, 'edit'])
              .where('id', numericId)
              .as('categories.edit')
            router
              .post('/categories/:id', [CategoriesPages, 'update'])
              .where('id', numericId)
              .as('categories.update')
            router
              .post('/categories/:id/active', [CategoriesPages, 'toggle'])
              .where('id', numericId)
              .as('categories.toggle')

            router.get('/users', [UsersPages, 'index']).as('users.index')
            router.get('/users/new', [UsersPages, 'create']).as('users.create')
            router.post('/users', [UsersPages, 'store']).as('users.store')
            router
              .get('/users/:id/edit', [UsersPages, 'edit'])
              .where('id', numericId)
              .as('users.edit')
            router
              .post('/users/:id', [UsersPages, 'update'])
              .where('id', numericId)
              .as('users.update')
            router
              .post('/users/:id/active', [UsersPages, 'toggle'])
              .where('id', numericId)
              .as('users.toggle')

            router.get('/sla-policies', [SlaPoliciesPages, 'index']).as('sla_policies.index')
            router.get('/sla-policies/new', [SlaPoliciesPages, 'create']).as('sla_policies.create')
            router.post('/sla-policies', [SlaPoliciesPages, 'store']).as('sla_policies.store')
            router
              .post('/sla-policies/:id/withdraw', [SlaPoliciesPages, 'destroy'])
              .where('id', numericId)
              .as('sla_policies.destroy')
            router.get('/deadlines', [DeadlinesPages, 'show']).as('deadlines.show')
          })
          .prefix('/admin')
          .as('admin')
      })
      .use(middleware.auth({ guards: ['web'] }))
  })
  .use([middleware.session(), middleware.shield()])
