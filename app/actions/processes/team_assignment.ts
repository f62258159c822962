import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { AssignmentStrategy, StageDefinition } from '#engine/definition'
import type { ProcessState } from '#engine/replay'
import User from '#models/user'
import { memberIdsOf } from '#support/teams/membership'
import { mayAccess } from '#support/access/workflow_access'
import { sqlTime } from '#support/sql_time'
import type { EventDraft } from '#actions/processes/commit_process_change'

/**
 * The members of a team who can take work now: active, not absent, and
 * allowed to work on the workflow. Sorted by id.
 */
async function availableMembers(teamKey: string, workflowId: number, at: DateTime) {
  const ids = await memberIdsOf(teamKey)
  if (ids.length === 0) return []
  const users = await User.query()
    .whereIn('id', ids)
    .withScopes((s) => s.active())
    .orderBy('id')
  const available: User[] = []
  for (const user of users) {
    if (user.isAbsentOn(at)) continue
    if (await mayAccess(user, workflowId, 'work')) available.push(user)
  }
  return available
}

/**
 * A member picked by `strategy`: `least_busy` (fewest open processes,
 * lowest id on a tie) or `round_robin` (the next id after the team's last
 * pick). Absent members are skipped. Null when nobody is available.
 */
export async function pickMember(
  teamKey: string,
  strategy: AssignmentStrategy,
  workflowId: number,
  at: DateTime = DateTime.now()
): Promise<number | null> {
  const available = await availableMembers(teamKey, workflowId, at)
  const members = available.map((u) => u.id)
  if (members.length === 0) return null
  if (strategy === 'least_busy') {
    const rows: { assignee_id: number; open: number | string }[] = await db
      .from('processes')
      .whereIn('assignee_id', members)
      .where('status', 'active')
      .groupBy('assignee_id')
      .select('assignee_id')
      .count('* as open')
    const open = new Map(rows.map((r) => [Number(r.assignee_id), Number(r.open)]))
    return members.reduce((best, id) => ((open.get(id) ?? 0) < (open.get(best) ?? 0) ? id : best))
  }
  const rotation = await db.from('team_rotations').where('team_key', teamKey).first()
  const last = rotation ? Number(rotation.last_user_id) : 0
  const next = members.find((id) => id > last) ?? members[0]
  const updated = await db
    .from('team_rotations')
    .where('team_key', teamKey)
    .update({ last_user_id: next, updated_at: sqlTime(at) })
  if (Number(updated) === 0) {
    await db
      .table('team_rotations')
      .insert({ team_key: teamKey, last_user_id: next, updated_at: sqlTime(at) })
      .catch(() => {}) // another pick inserted it first: the rotation is a hint, not a rule
  }
  return next
}

/**
 * The system's `assigned` event when a process enters a team stage: to a
 * member picked by the stage's strategy, or back to the team's queue
 * (unassigned). Null when nothing changes.
 */
export async function entryAssignment(
  stage: StageDefinition | undefined,
  state: ProcessState,
  workflowId: number,
  at: DateTime
): Promise<EventDraft | null> {
  const team = stage?.assignee?.team
  if (!team || state.status !== 'active') return null
  const strategy = stage.assignee?.strategy
  const picked = strategy ? await pickMember(team, strategy, workflowId, at) : null
  if (picked !== null) {
    return picked === state.assigneeId
      ? null
      : { type: 'assigned', payload: { assigneeId: picked, team, strategy, onEntry: true } }
  }
  return state.assigneeId === null
    ? null
    : { type: 'assigned', payload: { assigneeId: null, team, onEntry: true } }
}
