/**
 * Every step type's handler. Typed by the definition's union, so a type
 * added there and missing here does not compile.
 */
import type { ActionDefinition, ActionType, HttpCall } from '#engine/definition'
import type { StepHandler } from '#automation/steps/step_handler'
import { httpStep } from '#automation/steps/http'
import { setDataStep } from '#automation/steps/set_data'
import { notifyStep } from '#automation/steps/notify'
import { transitionStep } from '#automation/steps/transition'

const STEP_HANDLERS: { [T in ActionType]: StepHandler<T> } = {
  http: httpStep,
  set_data: setDataStep,
  notify: notifyStep,
  transition: transitionStep,
}

/** The handler of an action's type (the cast pairs the type with its own handler). */
export function handlerFor(action: ActionDefinition): StepHandler {
  return STEP_HANDLERS[action.type] as StepHandler
}

/** The call that undoes a step, when its type has one. */
export function compensationOf(action: ActionDefinition | undefined): HttpCall | undefined {
  return action ? handlerFor(action).compensation?.(action) : undefined
}
