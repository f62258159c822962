/** A `set_data` step: process field → template. */
import { templateProblems } from '#engine/actions/templates'
import { isObject } from '#engine/actions/checks'
import type { ActionTypeRules } from '#engine/actions/types/action_type'

export const setDataRules: ActionTypeRules<'set_data'> = {
  type: 'set_data',
  properties: ['data'],
  verify(raw, { path, subject, note }) {
    if (!isObject(raw.data) || Object.keys(raw.data).length === 0) {
      note(
        `${path}.data`,
        raw.data === undefined ? 'missing_property' : 'invalid_type',
        `${subject} needs "data": an object of field → template.`
      )
      return
    }
    for (const [field, template] of Object.entries(raw.data)) {
      if (typeof template !== 'string')
        note(
          `${path}.data.${field}`,
          'invalid_type',
          `${subject} must give a template text for "${field}".`
        )
      else
        templateProblems(template, false).forEach((m) =>
          note(
            `${path}.data.${field}`,
            'invalid_template',
            `${subject}: the value of "${field}" ${m}.`
          )
        )
    }
  },
}
