import factory from '@adonisjs/lucid/factories'
import User from '#models/user'

let sequence = 0

export const UserFactory = factory
  .define(User, ({ faker }) => {
    sequence += 1
    return {
      name: faker.person.fullName(),
      email: `user${sequence}.${faker.string.alphanumeric(6).toLowerCase()}@example.test`,
      password: 'correct-horse-battery',
      role: 'member' as const,
      isActive: true,
    }
  })
  .state('admin', (user) => (user.role = 'admin'))
  .state('manager', (user) => (user.role = 'manager'))
  .state('inactive', (user) => (user.isActive = false))
  .build()
