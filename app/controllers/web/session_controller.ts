import type { HttpContext } from '@adonisjs/core/http'
import VerifyLogin from '#actions/auth/verify_login'
import { credentialsValidator } from '#validators/auth'

export default class SessionController {
  async create({ view }: HttpContext) {
    return view.render('pages/login')
  }

  async store({ auth, request, response }: HttpContext) {
    const { email, password } = await request.validateUsing(credentialsValidator)
    const user = await new VerifyLogin().handle(request.ip(), email, password)
    await auth.use('web').login(user)
    return response.redirect().toRoute('home')
  }

  async destroy({ auth, i18n, response, session }: HttpContext) {
    await auth.use('web').logout()
    session.flash('success', i18n.t('messages.auth.signedOut'))
    return response.redirect().toRoute('session.create')
  }
}
