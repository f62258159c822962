import { BaseSeeder } from '@adonisjs/lucid/seeders'
import User from '#models/user'
import type { Role } from '#enums/role'

/**
 * Demo accounts for the quick start. Safe to run again: accounts that
 * already exist are left as they are (password included).
 */
export const DEMO_USERS: { name: string; email: string; role: Role }[] = [
  { name: 'Ada Admin', email: 'admin@stageflow.test', role: 'admin' },
  { name: 'Max Manager', email: 'manager@stageflow.test', role: 'manager' },
  { name: 'Mia Member', email: 'member@stageflow.test', role: 'member' },
  { name: 'Leo Member', email: 'leo@stageflow.test', role: 'member' },
]

export const DEMO_PASSWORD = 'stageflow-demo'

export default class UsersSeeder extends BaseSeeder {
  static environment = ['development', 'test']

  async run() {
    for (const demo of DEMO_USERS) {
      await User.firstOrCreate(
        { email: demo.email },
        { ...demo, password: DEMO_PASSWORD, isActive: true }
      )
    }
  }
}
