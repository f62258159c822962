import User from '#models/user'
import type { Role } from '#enums/role'

/**
 * Creates an account. The password is hashed by the model on save.
 */
export default class CreateUser {
  async handle(params: { name: string; email: string; password: string; role: Role }) {
    return User.create({ ...params, isActive: true })
  }
}
