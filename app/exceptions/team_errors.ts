import { DomainError } from '#exceptions/domain_error'

/** A team with this key exists already (keys are unique and never change). */
export class TeamExists extends DomainError {
  constructor(key: string) {
    super(`A team with the key "${key}" exists already.`, {
      status: 409,
      code: 'team_exists',
      fieldErrors: [{ field: 'key', message: 'Another team already uses this key' }],
    })
  }
}
