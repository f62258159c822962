import { DateTime } from 'luxon'
import User from '#models/user'
import { InvalidInput } from '#exceptions/domain_error'

/**
 * Sets (or replaces) a user's absence and delegate. The delegate must be
 * another active user; whether they may work on a given workflow is
 * checked when work is handed to them.
 */
export default class SetAbsence {
  async handle(user: User, input: { from: Date; to: Date; delegate: string }) {
    const delegate = await User.findBy('email', User.normalizeEmailAddress(input.delegate))
    const refuse = (message: string) =>
      new InvalidInput('The delegate cannot be used.', [{ field: 'delegate', message }])
    if (!delegate) throw refuse('No user has this e-mail address')
    if (delegate.id === user.id) throw refuse('Choose someone other than yourself')
    if (!delegate.isActive) throw refuse('This user is deactivated')

    user.absentFrom = day(input.from)
    user.absentTo = day(input.to)
    user.delegateId = delegate.id
    await user.save()
    return { user, delegate }
  }
}

/** The calendar day the validator parsed (in local time), as a UTC date. */
function day(value: Date) {
  return DateTime.fromISO(DateTime.fromJSDate(value).toISODate()!, { zone: 'utc' })
}
