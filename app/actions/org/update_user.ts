import type User from '#models/user'
import type { Role } from '#domain/roles'
import { checkUserDepartment } from '#actions/org/user_department'

export interface UpdateUserInput {
  fullName?: string
  email?: string
  password?: string
  role?: Role
  departmentId?: number | null
}

export default class UpdateUser {
  async handle(user: User, input: UpdateUserInput): Promise<User> {
    const role = input.role ?? user.role
    const requested = input.departmentId === undefined ? user.departmentId : input.departmentId
    const departmentId = await checkUserDepartment(role, requested)
    user.merge({ ...input, role, departmentId })
    await user.save()
    return user
  }
}
