import { errors as authErrors } from '@adonisjs/auth'
import User from '#models/user'
import { throttleLogin } from '#services/login_throttle'

/**
 * Checks an email and password for the session and token sign-ins alike.
 * A deactivated account fails exactly like a wrong password, so the answer
 * does not reveal which accounts exist.
 */
export default class VerifyLogin {
  async handle(ip: string, email: string, password: string): Promise<User> {
    return throttleLogin(ip, email, async () => {
      const user = await User.verifyCredentials(email, password)
      if (!user.isActive) throw new authErrors.E_INVALID_CREDENTIALS('Invalid user credentials')
      return user
    })
  }
}
