/**
 * What a step type does at run time. One file per type beside this one,
 * listed in registry.ts; the type's publish-time checks are pure and live in
 * the engine (app/engine/actions/types/<type>.ts), because the verifier also
 * runs in the browser.
 */
import type { ActionOfType, ActionType, HttpCall } from '#engine/definition'
import type { StepPayload } from '#engine/actions/steps'
import type { TemplateScope } from '#engine/actions/templates'
import type Process from '#models/process'
import type ActionExecution from '#models/action_execution'

/** How a run ended: done, failed for good, or re-scheduled (a retry or a held-back call). */
export type StepOutcome = 'succeeded' | 'failed' | 'later'

/** One execution of a step: the process is still in the stage and no saga runs. */
export type StepContext = {
  process: Process
  payload: StepPayload
  /** The execution row (unique idempotency key): claim it or finish it. */
  exec: ActionExecution
  /** The execution's idempotency key; event keys derive from it. */
  key: string
  /** What the step's templates can read. */
  scope: TemplateScope
}

export interface StepHandler<T extends ActionType = ActionType> {
  type: T
  /**
   * Runs the step once per execution; a step that finishes must mark its
   * execution (`finishExecution`) before answering 'succeeded' or 'failed'.
   */
  run(action: ActionOfType<T>, context: StepContext): Promise<StepOutcome>
  /** Attempts recorded on the execution row; 1 when absent. */
  maxAttempts?(action: ActionOfType<T>): number
  /** The transition taken after success; the action's `onSuccess` when absent. */
  successTransition?(action: ActionOfType<T>): string | undefined
  /** The call that undoes a succeeded step, for the saga; none when absent. */
  compensation?(action: ActionOfType<T>): HttpCall | undefined
}
