import type Process from '#models/process'
import type User from '#models/user'
import ProcessTransformer from '#transformers/process_transformer'
import { definitionsOf } from '#support/definitions'
import { serialize } from '#support/api_serializer'
import { teamsOf } from '#support/access/workflow_access'
import { approvalViewOf } from '#actions/processes/approval_tally'

/**
 * The detail shape the API answers every process command with: the
 * process after the command (with its approval tally), and `meta.replayed` when an idempotency key
 * repeated an earlier command (nothing was written).
 */
export async function serializeProcessDetail(process: Process, viewer: User, replayed = false) {
  await process.load((loader) =>
    loader.load('workflow').load('assignee').load('creator').load('workflowVersion')
  )
  const definitions = await definitionsOf([process.workflowVersionId])
  const approval = await approvalViewOf(process, definitions.get(process.workflowVersionId)!)
  const body = await serialize(
    ProcessTransformer.transform(process, {
      definitions,
      viewer,
      viewerTeams: await teamsOf(viewer.id),
      approval,
    }).useVariant('forDetail')
  )
  return replayed ? { ...body, meta: { replayed: true } } : body
}
