import type { Outcome, WorkflowDefinition } from '#engine/definition'

import type { ActionProblemCode } from '#engine/actions/checks'
import type { ChildrenProblemCode } from '#engine/verifier/children'

/** Stable machine-readable problem codes (safe to switch on / translate). */
export type ProblemCode =
  | 'invalid_document'
  | 'unknown_property'
  | 'missing_property'
  | 'invalid_type'
  | 'blank_value'
  | 'too_long'
  | 'invalid_key'
  | 'invalid_stage_type'
  | 'duplicate_stage_key'
  | 'duplicate_transition_key'
  | 'missing_start_stage'
  | 'multiple_start_stages'
  | 'missing_end_stage'
  | 'missing_outcome'
  | 'invalid_outcome'
  | 'outcome_not_allowed'
  | 'not_allowed_on_end_stage'
  | 'invalid_duration'
  | 'invalid_role'
  | 'invalid_team'
  | 'invalid_email'
  | 'invalid_field_type'
  | 'field_not_searchable'
  | 'duplicate_field_key'
  | 'conflicting_field_type'
  | 'missing_options'
  | 'options_not_allowed'
  | 'invalid_option'
  | 'duplicate_option'
  | 'currency_not_allowed'
  | 'invalid_currency'
  | 'rule_not_allowed'
  | 'invalid_rule'
  | 'invalid_pattern'
  | 'conflicting_rules'
  | 'invalid_default'
  | 'empty_escalation'
  | 'escalation_without_sla'
  | 'invalid_sla_clock'
  | 'sla_on_paused_stage'
  | 'unknown_stage'
  | 'transition_from_end_stage'
  | 'unknown_field'
  | 'unknown_transition'
  | 'transition_not_from_stage'
  | 'unreachable_stage'
  | 'dead_end_stage'
  | 'no_path_to_end'
  | 'invalid_expression'
  | 'decision_only_property'
  | 'missing_otherwise'
  | 'not_allowed_on_decision_stage'
  | 'route_not_from_stage'
  | 'unrouted_transition'
  | 'not_allowed_from_decision_stage'
  | 'not_allowed_into_decision_stage'
  | 'decision_cycle'
  | 'decision_chain_too_long'
  | 'invalid_strategy'
  | 'strategy_without_team'
  | 'invalid_approval'
  | 'approval_transition_stays'
  | 'missing_columns'
  | 'nested_list'
  | 'columns_not_allowed'
  | ActionProblemCode
  | ChildrenProblemCode

export interface Problem {
  /** JSON path of the offending element, e.g. "$.stages[2].key". */
  path: string
  code: ProblemCode
  /** Plain English sentence naming the element. */
  message: string
}

export interface VerificationResult {
  valid: boolean
  problems: Problem[]
  /**
   * For information: for each stage key, the (sorted) outcomes of the end
   * stages reachable from it. Computed from whatever parts of the document
   * are usable, so it is meaningful even for invalid documents.
   */
  outcomes: Record<string, Outcome[]>
  /** The normalised definition; present only when `valid`. */
  definition?: WorkflowDefinition
}

/** Thrown by `assertValidDefinition`; carries every problem found. */
export class DefinitionInvalid extends Error {
  readonly problems: Problem[]

  constructor(problems: Problem[]) {
    const count = problems.length
    super(
      `The workflow definition is invalid (${count} problem${count === 1 ? '' : 's'}): ` +
        problems.map((problem) => `${problem.path}: ${problem.message}`).join(' ')
    )
    this.name = 'DefinitionInvalid'
    this.problems = problems
  }
}
