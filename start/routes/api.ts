import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { ACTIONS } from '#domain/lifecycle/index'

const AuthTokensController = () => import('#controllers/api/auth_tokens_controller')
const DepartmentsController = () => import('#controllers/api/departments_controller')
const CategoriesController = () => import('#controllers/api/categories_controller')
const UsersController = () => import('#controllers/api/users_controller')
const ApiClientsController = () => import('#controllers/api/api_clients_controller')
const HealthController = () => import('#controllers/health_controller')
const DeadlinesController = () => import('#controllers/api/deadlines_controller')
const SlaPoliciesController = () => import('#controllers/api/sla_policies_controller')
const IntakeController = () => import('#controllers/api/intake_controller')
const TicketsController = () => import('#controllers/api/tickets_controller')
const RequestersController = () => import('#controllers/api/requesters_controller')
const OpenApiController = () => import('#controllers/api/openapi_controller')
const NotificationsController = () => import('#controllers/api/notifications_controller')

const numericId = router.matchers.number()

router.get('/health', [HealthController, 'show']).as('health')

router
  .group(() => {
    router.get('/openapi.json', [OpenApiController, 'show']).as('openapi')
    router.post('/auth/tokens', [AuthTokensController, 'store']).as('auth.tokens.store')

    router
      .group(() => {
        router
          .delete('/auth/tokens/current', [AuthTokensController, 'destroy'])
          .as('auth.tokens.destroy')
        router.get('/auth/me', [AuthTokensController, 'me']).as('auth.me')

        router.post('/tickets/hotline', [IntakeController, 'hotline']).as('tickets.intake.hotline')
        router.post('/tickets/window', [IntakeController, 'window']).as('tickets.intake.window')
        router.post('/tickets/online', [IntakeController, 'online']).as('tickets.intake.online')
        router.get('/tickets', [TicketsController, 'index']).as('tickets.index')
        router
          .get('/tickets/:id', [TicketsController, 'show'])
          .where('id', numericId)
          .as('tickets.show')
        router
          .post('/tickets/:id/actions/:action', [TicketsController, 'act'])
          .where('id', numericId)
          .where('action', new RegExp(`^(${ACTIONS.filter((a) => a !== 'register').join('|')})$`))
          .as('tickets.act')
        router
          .post('/tickets/:id/phone', [TicketsController, 'revealPhone'])
          .where('id', numericId)
          .as('tickets.reveal_phone')
        router.post('/requesters/lookup', [RequestersController, 'lookup']).as('requesters.lookup')

        router.get('/notifications', [NotificationsController, 'index']).as('notifications.index')
        router
          .get('/notifications/unread-count', [NotificationsController, 'unreadCount'])
          .as('notifications.unread_count')
        router
          .post('/notifications/read-all', [NotificationsController, 'readAll'])
          .as('notifications.read_all')
        router
          .post('/notifications/:id/read', [NotificationsController, 'read'])
          .where('id', numericId)
          .as('notifications.read')

        router.get('/deadlines/preview', [DeadlinesController, 'preview']).as('deadlines.preview')
        router.get('/sla-policies', [SlaPoliciesController, 'index']).as('sla_policies.index')
        router.post('/sla-policies', [SlaPoliciesController, 'store']).as('sla_policies.store')
        router
          .delete('/sla-policies/:id', [SlaPoliciesController, 'destroy'])
          .where('id', numericId)
          .as('sla_policies.destroy')

        router.get('/departments', [DepartmentsController, 'index']).as('departments.index')
        router.post('/departments', [DepartmentsController, 'store']).as('departments.store')
        router
          .get('/departments/:id', [DepartmentsController, 'show'])
          .where('id', numericId)
          .as('departments.show')
        router
          .patch('/departments/:id', [DepartmentsController, 'update'])
          .where('id', numericId)
          .as('departments.update')
        router
          .post('/departments/:id/deactivate', [DepartmentsController, 'deactivate'])
          .where('id', numericId)
          .as('departments.deactivate')
        router
          .post('/departments/:id/activate', [DepartmentsController, 'activate'])
          .where('id', numericId)
          .as('departments.activate')

        router.get('/categories', [CategoriesController, 'index']).as('categories.index')
        router.post('/categories', [CategoriesController, 'store']).as('categories.store')
        router
          .get('/categories/:id', [CategoriesController, 'show'])
          .where('id', numericId)
          .as('categories.show')
        router
          .patch('/categories/:id', [CategoriesController, 'update'])
          .where('id', numericId)
          .as('categories.update')
        router
          .post('/categories/:id/deactivate', [CategoriesController, 'deactivate'])
          .where('id', numericId)
          .as('categories.deactivate')
        router
          .post('/categories/:id/activate', [CategoriesController, 'activate'])
          .where('id', numericId)
          .as('categories.activate')

        router.get('/users', [UsersController, 'index']).as('users.index')
        router.post('/users', [UsersController, 'store']).as('users.store')
        router.get('/users/:id', [UsersController, 'show']).where('id', numericId).as('users.show')
        router
          .patch('/users/:id', [UsersController, 'update'])
          .where('id', numericId)
          .as('users.update')
        router
          .post('/users/:id/deactivate', [UsersController, 'deactivate'])
          .where('id', numericId)
          .as('users.deactivate')
        router
          .post('/users/:id/activate', [UsersController, 'activate'])
          .where('id', numericId)
          .as('users.activate')

        router.get('/api-clients', [ApiClientsController, 'index']).as('api_clients.index')
        router.post('/api-clients', [ApiClientsController, 'store']).as('api_clients.store')
        router
          .post('/api-clients/:id/deactivate', [ApiClientsController, 'deactivate'])
          .where('id', numericId)
          .as('api_clients.deactivate')
      })
      .use(middleware.auth({ guards: ['api'] }))
  })
  .prefix('/api/v1')
  .as('api')
