/**
 * Where a verifier problem about an action shows: `actions.<n>.<property>`
 * (`actions.<n>.compensation.<property>` inside a compensation, likewise
 * `notify.<property>`, `actions.<n>`
 * for the action as a whole, `actions` for the list). Pure.
 */
export function actionSlot(rest: (string | number)[]): string {
  const [index, property, sub] = rest
  if (typeof index !== 'number') return 'actions'
  if (typeof property !== 'string') return `actions.${index}`
  if ((property === 'compensation' || property === 'notify') && typeof sub === 'string') {
    return `actions.${index}.${property}.${sub}`
  }
  return `actions.${index}.${property}`
}

const ACTION_SLOT = /^actions(\.\d+(\..+)?)?$/
/** Action slots belong to the actions editor of a stage or a transition. */
export const isActionSlot = (slot: string) => ACTION_SLOT.test(slot)
