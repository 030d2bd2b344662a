import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const CalendarsPages = () => import('#controllers/web/admin/calendars_controller')
const CalendarsController = () => import('#controllers/api/calendars_controller')

const numericId = router.matchers.number()

/** Working calendars: loaded years, and loading a year from the State Council notice. */
router
  .group(() => {
    router.get('/calendars', [CalendarsPages, 'index']).as('calendars.index')
    router.post('/calendars/notice/preview', [CalendarsPages, 'preview']).as('calendars.preview')
    router.post('/calendars/notice', [CalendarsPages, 'store']).as('calendars.store')
  })
  .prefix('/admin')
  .as('admin')
  .use([middleware.session(), middleware.shield(), middleware.auth({ guards: ['web'] })])

router
  .group(() => {
    router.get('/calendars', [CalendarsController, 'index']).as('calendars.index')
    router
      .post('/calendars/:id/notice', [CalendarsController, 'importNotice'])
      .where('id', numericId)
      .as('calendars.notice')
  })
  .prefix('/api/v1')
  .as('api')
  .use(middleware.auth({ guards: ['api'] }))
