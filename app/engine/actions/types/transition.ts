/** A `transition` step: the system takes the named transition. */
import type { ActionTypeRules } from '#engine/actions/types/action_type'

export const transitionRules: ActionTypeRules<'transition'> = {
  type: 'transition',
  properties: ['transition'],
  verify(raw, { path, subject, note, references }) {
    if (typeof raw.transition !== 'string' || !raw.transition)
      note(
        `${path}.transition`,
        'missing_property',
        `${subject} must name the transition to take as "transition".`
      )
    else references.push({ transition: raw.transition, path: `${path}.transition`, subject })
  },
}
