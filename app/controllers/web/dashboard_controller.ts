import type { HttpContext } from '@adonisjs/core/http'
import Department from '#models/department'

export default class DashboardController {
  async show({ auth, view }: HttpContext) {
    const user = auth.getUserOrFail()
    const department = user.departmentId ? await Department.find(user.departmentId) : null
    return view.render('pages/dashboard', { department })
  }
}
