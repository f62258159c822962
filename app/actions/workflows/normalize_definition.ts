import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { WorkflowDefinition } from '#engine/definition'
import { parseDuration } from '#engine/duration'

const minutes = (duration: string | undefined) => {
  const ms = duration ? parseDuration(duration) : null
  return ms === null ? null : Math.round(ms / 60000)
}

/**
 * Writes the queryable copy of a version's definition (stages in order,
 * transitions, fields), replacing any earlier copy of that version.
 */
export async function normalizeDefinition(
  trx: TransactionClientContract,
  versionId: number,
  definition: WorkflowDefinition
) {
  for (const table of ['workflow_fields', 'workflow_transitions', 'workflow_stages']) {
    await trx.from(table).where('workflow_version_id', versionId).delete()
  }

  if (definition.stages.length) {
    await trx.table('workflow_stages').multiInsert(
      definition.stages.map((stage, position) => ({
        workflow_version_id: versionId,
        key: stage.key,
        name: stage.name,
        type: stage.type,
        outcome: stage.outcome ?? null,
        position,
        sla_minutes: minutes(stage.sla),
        assignee_role: stage.assignee?.role ?? null,
      }))
    )
  }
  if (definition.transitions.length) {
    await trx.table('workflow_transitions').multiInsert(
      definition.transitions.map((transition) => {
        const automatic = definition.stages.find(
          (s) => s.key === transition.from && s.automatic?.transition === transition.key
        )?.automatic
        return {
          workflow_version_id: versionId,
          key: transition.key,
          from_stage: transition.from,
          to_stage: transition.to,
          label: transition.label ?? null,
          roles: transition.roles ? JSON.stringify(transition.roles) : null,
          requires: transition.requires ? JSON.stringify(transition.requires) : null,
          automatic_after_minutes: minutes(automatic?.after),
        }
      })
    )
  }
  const fields = definition.stages.flatMap((stage) =>
    (stage.fields ?? []).map((field) => ({
      workflow_version_id: versionId,
      stage_key: stage.key,
      key: field.key,
      label: field.label,
      type: field.type,
      required: Boolean(field.required),
      options: field.options ? JSON.stringify(field.options) : null,
    }))
  )
  if (fields.length) await trx.table('workflow_fields').multiInsert(fields)
}
