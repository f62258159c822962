import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import type { Role } from '#enums/role'
import { recordAudit } from '#actions/audit/record_audit'

/**
 * Creates an account. The password is hashed by the model on save; the
 * audit entry (`user.created`) commits with the account.
 */
export default class CreateUser {
  async handle(params: { name: string; email: string; password: string; role: Role }) {
    return db.transaction(async (trx) => {
      const user = await User.create({ ...params, isActive: true }, { client: trx })
      await recordAudit(trx, {
        action: 'user.created',
        subject: { type: 'user', id: user.id, label: user.email },
        after: { name: user.name, email: user.email, role: user.role },
      })
      return user
    })
  }
}
