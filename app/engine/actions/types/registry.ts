/**
 * Every step type's publish-time rules. Typed by the definition's union,
 * so a type added there and missing here does not compile.
 */
import type { ActionType } from '#engine/definition'
import type { ActionTypeRules } from '#engine/actions/types/action_type'
import { httpRules } from '#engine/actions/types/http'
import { setDataRules } from '#engine/actions/types/set_data'
import { notifyRules } from '#engine/actions/types/notify'
import { transitionRules } from '#engine/actions/types/transition'

export const ACTION_TYPE_RULES: { [T in ActionType]: ActionTypeRules<T> } = {
  http: httpRules,
  set_data: setDataRules,
  notify: notifyRules,
  transition: transitionRules,
}

/** The step types, in the order messages list them. */
export const ACTION_TYPES = Object.keys(ACTION_TYPE_RULES) as ActionType[]

export const isActionType = (value: unknown): value is ActionType =>
  typeof value === 'string' && Object.hasOwn(ACTION_TYPE_RULES, value)
