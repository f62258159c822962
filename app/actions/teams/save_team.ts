import db from '@adonisjs/lucid/services/db'
import Team from '#models/team'
import { NotFound } from '#exceptions/domain_error'
import { TeamExists } from '#exceptions/team_errors'
import { isUniqueViolation } from '#actions/processes/commit_process_change'
import { recordAudit } from '#actions/audit/record_audit'
import { bumpAfterCommit } from '#support/access/access_epoch'

/** The team with `key`, or a 404. */
export async function findTeam(key: string) {
  const team = await Team.findBy('key', key)
  if (!team) throw new NotFound(`Team "${key}"`)
  return team
}

/**
 * Creating, renaming and deleting teams (admins). A key is unique: a taken
 * one is 409 `team_exists`, also when two admins create it at once (the
 * unique index decides). Deleting removes its memberships; definitions and
 * access settings that name it then name a team nobody is in.
 */
export default class SaveTeam {
  async create(params: { key: string; name: string }) {
    if (await Team.findBy('key', params.key)) throw new TeamExists(params.key)
    try {
      return await db.transaction(async (trx) => {
        const team = await Team.create(params, { client: trx })
        await recordAudit(trx, {
          action: 'team.created',
          subject: { type: 'team', id: team.id, label: team.key },
          after: { key: team.key, name: team.name },
        })
        return team
      })
    } catch (error) {
      if (isUniqueViolation(error)) throw new TeamExists(params.key)
      throw error
    }
  }

  async rename(team: Team, name: string) {
    const before = { name: team.name }
    return db.transaction(async (trx) => {
      team.useTransaction(trx)
      team.name = name
      await team.save()
      await recordAudit(trx, {
        action: 'team.updated',
        subject: { type: 'team', id: team.id, label: team.key },
        before,
        after: { name },
      })
      return team
    })
  }

  async destroy(team: Team) {
    await db.transaction(async (trx) => {
      await trx.from('team_members').where('team_id', team.id).delete()
      await trx.from('teams').where('id', team.id).delete()
      await bumpAfterCommit(trx)
      await recordAudit(trx, {
        action: 'team.deleted',
        subject: { type: 'team', id: team.id, label: team.key },
        before: { key: team.key, name: team.name },
      })
    })
  }
}
