import router from '@adonisjs/core/services/router'

router.get('/', async () => ({ name: 'jiesu' })).as('home')
