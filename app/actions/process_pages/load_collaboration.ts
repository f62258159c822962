import type { WorkflowDefinition } from '#engine/definition'
import type Process from '#models/process'
import type User from '#models/user'
import { approvalViewOf } from '#actions/processes/approval_tally'
import { teamsOf } from '#support/access/workflow_access'

/**
 * The team side of the process page: the approval tally, whether the
 * viewer is awaited (themselves or as an absent approver's delegate) and
 * whether they may claim the process from their team's queue. The
 * commands check all of it again.
 */
export async function loadCollaboration(
  process: Process,
  definition: WorkflowDefinition | undefined,
  viewer: User
) {
  const approval = definition ? await approvalViewOf(process, definition) : null
  const open = process.status === 'active' && approval !== null && approval.decided === null
  const vote =
    open &&
    approval.awaiting.some((person) => person.id === viewer.id || person.delegate?.id === viewer.id)
  const myTeams = process.queueTeam ? await teamsOf(viewer.id) : []
  const claimFromQueue =
    process.status === 'active' &&
    process.assigneeId === null &&
    process.queueTeam !== null &&
    myTeams.includes(process.queueTeam)
  return { approval, allowed: { vote, claimFromQueue } }
}
