/**
 * Static verification of workflow definition documents.
 *
 * `verifyDefinition` never throws and never stops at the first problem: an
 * author fixing a definition should see everything that is wrong at once.
 */
import type { WorkflowDefinition } from '#engine/definition'
import type { EgressRules } from '#engine/actions/call_origin'
import { DefinitionInvalid, type VerificationResult } from '#engine/verifier/problems'
import {
  MAX_DESCRIPTION_LENGTH,
  MAX_KEY_LENGTH,
  MAX_NAME_LENGTH,
  SLUG_PATTERN,
  WORKFLOW_PROPERTIES,
  describeValue,
  isObject,
} from '#engine/verifier/rules'
import { Verification } from '#engine/verifier/verification'
import { verifyStage, verifyStageSet } from '#engine/verifier/stages'
import { verifyTransition, verifyTransitionReferences } from '#engine/verifier/transitions'
import { analyseGraph } from '#engine/verifier/graph'
import { verifyDecisions } from '#engine/verifier/decisions'
import { verifyFieldConditions } from '#engine/verifier/field_rules'
import {
  type ChildCatalog,
  verifyChildWorkflows,
  verifyChildrenLater,
} from '#engine/verifier/children'

export {
  DefinitionInvalid,
  type Problem,
  type ProblemCode,
  type VerificationResult,
} from '#engine/verifier/problems'

/**
 * Checks a raw definition document (as produced by `parseDefinitionDocument`
 * or received as JSON) against every rule of the workflow model.
 *
 * Never throws. Returns all problems found, the outcomes reachable from each
 * stage and, when there are no problems, the normalised definition (optional
 * properties given as `null` are dropped).
 *
 * `options.egress`: the deployment's rules for outbound calls (refused
 * literal hosts, secrets bound to hosts). The server always passes them;
 * without them (the designer in the browser) those checks are skipped.
 */
export function verifyDefinition(
  input: unknown,
  options: { egress?: EgressRules; children?: ChildCatalog } = {}
): VerificationResult {
  const run = new Verification(options.egress)

  if (!isObject(input)) {
    run.report(
      '$',
      'invalid_document',
      `The definition must be an object with "key", "name", "stages" and "transitions", not ${describeValue(input)}.`
    )
    return { valid: false, problems: run.problems, outcomes: {} }
  }

  const subject = 'The workflow'
  run.checkUnknownProperties(input, WORKFLOW_PROPERTIES, '$', subject)
  const key = run.readString(input, 'key', '$', subject, {
    required: true,
    pattern: SLUG_PATTERN,
    patternHint: 'use lower-case letters, digits, "-" and "_", starting with a letter or digit',
    maxLength: MAX_KEY_LENGTH,
  })
  const name = run.readString(input, 'name', '$', subject, {
    required: true,
    maxLength: MAX_NAME_LENGTH,
  })
  const description =
    typeof input.description === 'string' && input.description === ''
      ? undefined // An empty description is as good as none.
      : run.readString(input, 'description', '$', subject, {
          required: false,
          maxLength: MAX_DESCRIPTION_LENGTH,
        })

  const rawStages = run.readList(input, 'stages', '$', subject, true)
  const rawTransitions = run.readList(input, 'transitions', '$', subject, true)

  const stages = (rawStages ?? []).map((raw, index) => verifyStage(run, raw, index))
  if (rawStages) verifyStageSet(run)
  else run.stagesUsable = false
  verifyFieldConditions(run)
  verifyChildrenLater(run, stages)

  const transitions = (rawTransitions ?? []).map((raw, index) => verifyTransition(run, raw, index))
  verifyTransitionReferences(run)
  verifyDecisions(run, transitions)
  const outcomes = analyseGraph(run)

  if (run.problems.length > 0) return { valid: false, problems: run.problems, outcomes }

  const definition: WorkflowDefinition = {
    // Non-null assertions are safe: any missing part would have been reported.
    key: key!,
    name: name!,
    ...(description === undefined ? {} : { description }),
    stages: stages.map((stage) => stage!),
    transitions: transitions.map((transition) => transition!),
  }
  // Checks against the other workflows, on the server (publish) only.
  if (options.children) run.problems.push(...verifyChildWorkflows(definition, options.children))
  if (run.problems.length > 0) return { valid: false, problems: run.problems, outcomes }
  return { valid: true, problems: run.problems, outcomes, definition }
}

/**
 * Like `verifyDefinition`, for callers that cannot continue with an invalid
 * definition.
 *
 * @throws DefinitionInvalid listing every problem.
 */
export function assertValidDefinition(
  input: unknown,
  options: { egress?: EgressRules } = {}
): WorkflowDefinition {
  const result = verifyDefinition(input, options)
  if (!result.valid || !result.definition) throw new DefinitionInvalid(result.problems)
  return result.definition
}
