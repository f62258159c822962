import { guardContextOf } from '#actions/processes/guard_context'
import { checkTransition } from '#engine/state_machine'
import { collectFields } from '#engine/data'
import type { WorkflowDefinition } from '#engine/definition'
import type Process from '#models/process'
import type User from '#models/user'
import type { BulkActionName, BulkParameters } from '#models/bulk_operation'
import ProcessPolicy, { byRole } from '#policies/process_policy'

/**
 * Why a process is left out of a bulk action. `detail` is language-neutral
 * (a status, a stage name, field labels); the page translates the code.
 */
export type RefusalCode =
  | 'closed'
  | 'forbidden'
  | 'unchanged'
  | 'unknown_transition'
  | 'not_from_current_stage'
  | 'role_not_allowed'
  | 'missing_fields'
  | 'guard_failed'

export type Verdict = { ok: true } | { ok: false; code: RefusalCode; detail: string | null }

export type BulkPlan = {
  action: BulkActionName
  parameters: BulkParameters
  actor: User
  /** Workflows whose `work` audience leaves the actor out (`hiddenWorkflowIds(actor, 'work')`). */
  unworkable: number[]
}

const policy = new ProcessPolicy()

/**
 * Whether `plan` may be applied to `process` as it is now: the same rules
 * the single-process commands apply (policy, open process, the state
 * machine's transition check), decided without touching the database, so
 * a preview of thousands of rows costs only the reads of those rows.
 */
export function judge(process: Process, plan: BulkPlan, definition: WorkflowDefinition): Verdict {
  const { actor, parameters } = plan
  if (!policy.bulk(actor)) return { ok: false, code: 'forbidden', detail: null }
  if (plan.unworkable.includes(process.workflowId))
    return { ok: false, code: 'forbidden', detail: null }
  if (process.status !== 'active') return { ok: false, code: 'closed', detail: process.status }

  switch (plan.action) {
    case 'cancel':
      if (!byRole.cancel(actor, process)) return { ok: false, code: 'forbidden', detail: null }
      return { ok: true }
    case 'assign': {
      const assigneeId = parameters.assigneeId ?? null
      if (!byRole.assign(actor, process, assigneeId)) {
        return { ok: false, code: 'forbidden', detail: null }
      }
      if (process.assigneeId === assigneeId) return { ok: false, code: 'unchanged', detail: null }
      return { ok: true }
    }
    case 'transition': {
      const check = checkTransition(definition, {
        stage: process.stageKey,
        status: process.status,
        role: actor.role,
        data: process.data,
        transitionKey: parameters.transition ?? '',
        guard: guardContextOf(process, actor),
      })
      if (check.ok) return { ok: true }
      switch (check.code) {
        case 'process_closed':
          return { ok: false, code: 'closed', detail: process.status }
        case 'missing_fields': {
          const fields = collectFields(definition)
          const labels = (check.missingFields ?? []).map(
            (key) => fields.find((f) => f.key === key)?.label ?? key
          )
          return { ok: false, code: 'missing_fields', detail: labels.join(', ') }
        }
        case 'not_from_current_stage': {
          const stage = definition.stages.find((s) => s.key === process.stageKey)
          return { ok: false, code: check.code, detail: stage?.name ?? process.stageKey }
        }
        case 'role_not_allowed':
          return { ok: false, code: check.code, detail: actor.role }
        case 'guard_failed':
          return { ok: false, code: check.code, detail: check.message }
        default:
          return { ok: false, code: 'unknown_transition', detail: parameters.transition ?? null }
      }
    }
  }
}
