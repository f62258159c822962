/*
|--------------------------------------------------------------------------
| Bouncer abilities
|--------------------------------------------------------------------------
|
| Abilities that concern no single resource. Resource rules live in
| policies (app/policies), one per resource.
|
*/
import { Bouncer } from '@adonisjs/bouncer'
import type User from '#models/user'

/**
 * The navigation areas a role may open; the UI hides the others and the
 * routes enforce the same rules.
 */
export const viewReports = Bouncer.ability(
  (user: User) => user.role === 'admin' || user.role === 'manager'
)

export const viewAdmin = Bouncer.ability((user: User) => user.role === 'admin')
