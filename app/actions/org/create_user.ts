import User from '#models/user'
import type { Role } from '#domain/roles'
import { checkUserDepartment } from '#actions/org/user_department'

export interface CreateUserInput {
  fullName: string
  email: string
  password: string
  role: Role
  departmentId?: number | null
}

/** Creates an account; the password is hashed by the model's auth mixin. */
export default class CreateUser {
  async handle(input: CreateUserInput): Promise<User> {
    const departmentId = await checkUserDepartment(input.role, input.departmentId ?? null)
    return User.create({ ...input, departmentId, isActive: true })
  }
}
