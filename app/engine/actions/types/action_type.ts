import type { ActionType } from '#engine/definition'
import type { ActionCheck } from '#engine/actions/checks'

/**
 * The publish-time rules of one step type. They live in the engine (pure,
 * browser-safe: the designer runs the verifier too); what the type does at
 * run time is its handler in app/automation/steps/<type>.ts.
 */
export interface ActionTypeRules<T extends ActionType = ActionType> {
  type: T
  /** Properties this type allows besides the common ones (key, type, name, onSuccess, …). */
  properties: readonly string[]
  /**
   * Checks the type's own properties of a raw action (an object whose key,
   * type and common properties were checked already); reports every problem.
   */
  verify(raw: Record<string, unknown>, at: ActionCheck): void
}
