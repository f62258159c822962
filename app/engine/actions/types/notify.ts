/** A `notify` step: a message to a role or a user. */
import { ROLES } from '#engine/definition'
import { templateProblems } from '#engine/actions/templates'
import { isObject, show } from '#engine/actions/checks'
import type { ActionTypeRules } from '#engine/actions/types/action_type'

export const notifyRules: ActionTypeRules<'notify'> = {
  type: 'notify',
  properties: ['notify'],
  verify(raw, { path, subject, note }) {
    const notify = raw.notify
    if (!isObject(notify) || typeof notify.message !== 'string' || !notify.message.trim()) {
      note(
        `${path}.notify`,
        notify === undefined ? 'missing_property' : 'invalid_type',
        `${subject} needs "notify" with a "message" and a "role" or "user".`
      )
      return
    }
    if (notify.role === undefined && notify.user === undefined)
      note(`${path}.notify`, 'missing_property', `${subject} must notify a "role" or a "user".`)
    if (notify.role !== undefined && !(ROLES as readonly unknown[]).includes(notify.role))
      note(
        `${path}.notify.role`,
        'invalid_role',
        `${subject} names the unknown role ${show(notify.role)}.`
      )
    templateProblems(notify.message, false).forEach((m) =>
      note(`${path}.notify.message`, 'invalid_template', `${subject}: the message ${m}.`)
    )
  },
}
