import db from '@adonisjs/lucid/services/db'

/** The keys of the teams a user belongs to, sorted (one indexed query; `primary`: never a replica). */
export async function teamKeysOf(userId: number, { primary = false } = {}): Promise<string[]> {
  const rows: { key: string }[] = await db
    .query(primary ? { mode: 'write' } : {})
    .from('team_members')
    .join('teams', 'teams.id', 'team_members.team_id')
    .where('team_members.user_id', userId)
    .orderBy('teams.key')
    .select('teams.key')
  return rows.map((row) => row.key)
}

/** The ids of a team's members (active or not; callers filter), by team key. */
export async function memberIdsOf(teamKey: string): Promise<number[]> {
  const rows: { user_id: number }[] = await db
    .from('team_members')
    .join('teams', 'teams.id', 'team_members.team_id')
    .where('teams.key', teamKey)
    .orderBy('team_members.user_id')
    .select('team_members.user_id')
  return rows.map((row) => Number(row.user_id))
}

/** A user's teams with their names and whether they lead them, by name (the profile page). */
export async function teamsWithLead(
  userId: number
): Promise<{ key: string; name: string; lead: boolean }[]> {
  const rows: { key: string; name: string; lead: unknown }[] = await db
    .from('team_members')
    .join('teams', 'teams.id', 'team_members.team_id')
    .where('team_members.user_id', userId)
    .orderBy('teams.name')
    .select('teams.key', 'teams.name', 'team_members.lead')
  return rows.map((row) => ({ key: row.key, name: row.name, lead: Boolean(Number(row.lead)) }))
}
