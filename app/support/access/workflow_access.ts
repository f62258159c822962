import { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import type { AudienceEntry, WorkflowAccess } from '#models/workflow'
import { teamKeysOf } from '#support/teams/membership'
import { EpochCache } from '#support/access/access_epoch'

/**
 * Who may start, see and work on a workflow's processes, from
 * `workflows.access` (`{ start, see, work }`, each a list of `{ team }` /
 * `{ role }`; a missing or null list is everyone) and team membership.
 * Admins always may. `start` and `work` also need `see`: nobody works on
 * what they may not read.
 *
 * Both lookups (the workflows that have rules, the viewer's teams) are one
 * query each, memoized for the current HTTP request, so a page asks them
 * at most once whatever it lists, and kept in memory per access epoch
 * (#support/access/access_epoch): a changed rule, team or membership bumps
 * the epoch when it commits, so it holds from the next request on, on every
 * instance, and an unchanged one costs no query.
 */
export type Viewer = { id: number; role: string }

export type AccessRight = 'start' | 'see' | 'work'

type Rules = Map<number, WorkflowAccess>

type Memo = { rules?: Promise<Rules>; teams: Map<number, Promise<string[]>> }

const memos = new WeakMap<object, Memo>()

/** Shared by every request of this process: never mutate what they hold. */
const cachedRules = new EpochCache<'all', Rules>(1)
const cachedTeams = new EpochCache<number, string[]>(20_000)

const cachedTeamKeysOf = (userId: number) =>
  cachedTeams.get(
    userId,
    async () => Object.freeze(await teamKeysOf(userId, { primary: true })) as string[]
  )

function memo(): Memo | null {
  const ctx = HttpContext.get()
  if (!ctx) return null
  let entry = memos.get(ctx)
  if (!entry) {
    entry = { teams: new Map() }
    memos.set(ctx, entry)
  }
  return entry
}

async function loadRules(): Promise<Rules> {
  // From the primary: what is loaded is kept for the epoch (#support/access/access_epoch).
  const rows: { id: number; access: string | null }[] = await db
    .query({ mode: 'write' })
    .from('workflows')
    .whereNotNull('access')
    .select('id', 'access')
  const rules: Rules = new Map()
  for (const row of rows) {
    const access = parseAccess(row.access)
    if (access && RIGHTS.some((right) => Array.isArray(access[right])))
      rules.set(Number(row.id), access)
  }
  return rules
}

const RIGHTS: AccessRight[] = ['start', 'see', 'work']

function parseAccess(value: unknown): WorkflowAccess | null {
  if (value === null || value === undefined) return null
  const parsed = typeof value === 'string' ? JSON.parse(value) : value
  return parsed && typeof parsed === 'object' ? (parsed as WorkflowAccess) : null
}

/** The workflows that restrict anyone (id → rules), once per request. */
function rulesNow(): Promise<Rules> {
  const entry = memo()
  if (!entry) return cachedRules.get('all', loadRules)
  entry.rules ??= cachedRules.get('all', loadRules)
  return entry.rules
}

/** The viewer's team keys, once per request. */
export function teamsOf(userId: number): Promise<string[]> {
  const entry = memo()
  if (!entry) return cachedTeamKeysOf(userId)
  let keys = entry.teams.get(userId)
  if (!keys) {
    keys = cachedTeamKeysOf(userId)
    entry.teams.set(userId, keys)
  }
  return keys
}

function matches(list: AudienceEntry[] | null | undefined, user: Viewer, teams: string[]) {
  if (!Array.isArray(list)) return true
  return list.some((entry) =>
    'team' in entry ? teams.includes(entry.team) : 'role' in entry && entry.role === user.role
  )
}

function needsTeams(access: WorkflowAccess) {
  return RIGHTS.some((right) => access[right]?.some((entry) => 'team' in entry))
}

/** Whether rules allow `right` to a user with these teams (see is needed for all three). */
function allows(
  access: WorkflowAccess | null | undefined,
  user: Viewer,
  teams: string[],
  right: AccessRight
): boolean {
  if (user.role === 'admin' || !access) return true
  if (!matches(access.see, user, teams)) return false
  return right === 'see' || matches(access[right], user, teams)
}

/** Whether `user` has `right` on the processes of workflow `workflowId` (admins always). */
export async function mayAccess(
  user: Viewer,
  workflowId: number,
  right: AccessRight
): Promise<boolean> {
  if (user.role === 'admin') return true
  const rules = await rulesNow()
  const access = rules.get(Number(workflowId))
  if (!access) return true
  const teams = needsTeams(access) ? await teamsOf(user.id) : []
  return allows(access, user, teams, right)
}

/**
 * The workflows whose processes `user` may not have `right` on: what
 * `Process.visibleTo` leaves out. Empty for admins and when no rule
 * excludes them (the common case costs one small query, no team lookup
 * unless a rule names a team).
 */
export async function hiddenWorkflowIds(user: Viewer, right: AccessRight = 'see') {
  if (user.role === 'admin') return []
  const rules = await rulesNow()
  if (rules.size === 0) return []
  const teams = [...rules.values()].some(needsTeams) ? await teamsOf(user.id) : []
  return [...rules.entries()]
    .filter(([, access]) => !allows(access, user, teams, right))
    .map(([id]) => id)
}

/**
 * Of `userIds`, those who may see workflow `workflowId`'s processes (one
 * rules query, one membership query for all of them): notifications go to
 * these only.
 */
export async function audienceOf(workflowId: number, userIds: number[]): Promise<Set<number>> {
  const allowed = new Set(userIds)
  if (userIds.length === 0) return allowed
  const rules = await rulesNow()
  const access = rules.get(Number(workflowId))
  if (!access || !Array.isArray(access.see)) return allowed
  const users: { id: number; role: string }[] = await db
    .from('users')
    .whereIn('id', userIds)
    .select('id', 'role')
  const memberships: { user_id: number; key: string }[] = needsTeams(access)
    ? await db
        .from('team_members')
        .join('teams', 'teams.id', 'team_members.team_id')
        .whereIn('team_members.user_id', userIds)
        .select('team_members.user_id', 'teams.key')
    : []
  allowed.clear()
  for (const user of users) {
    const teams = memberships.filter((m) => Number(m.user_id) === Number(user.id)).map((m) => m.key)
    if (allows(access, { id: Number(user.id), role: user.role }, teams, 'see'))
      allowed.add(Number(user.id))
  }
  return allowed
}
