import db from '@adonisjs/lucid/services/db'
import type Team from '#models/team'
import User from '#models/user'
import { InvalidInput } from '#exceptions/domain_error'
import { sqlTime } from '#support/sql_time'
import { recordAudit } from '#actions/audit/record_audit'
import { bumpAfterCommit } from '#support/access/access_epoch'

type MemberInput = { email: string; lead?: boolean }

/**
 * Replaces a team's members with `members` (by e-mail, each a lead or
 * not), in one transaction. Every e-mail must name an account: unknown
 * ones are 422 with one field error each (`members.2.email`) and nothing
 * changes. A person listed twice counts once (a lead if either says so).
 */
export default class SetTeamMembers {
  async handle(team: Team, members: MemberInput[]) {
    const emails = [...new Set(members.map((m) => m.email.toLowerCase()))]
    const users = emails.length ? await User.query().whereIn('email', emails) : []
    const byEmail = new Map(users.map((user) => [user.email.toLowerCase(), user]))

    const unknown = members
      .map((member, index) => ({ member, index }))
      .filter(({ member }) => !byEmail.has(member.email.toLowerCase()))
    if (unknown.length) {
      throw new InvalidInput(
        `No account has the e-mail ${unknown.map(({ member }) => member.email).join(', ')}.`,
        unknown.map(({ member, index }) => ({
          field: `members.${index}.email`,
          message: `No account has the e-mail ${member.email}`,
          code: 'unknown_email',
        }))
      )
    }

    const lead = new Map<number, boolean>()
    for (const member of members) {
      const user = byEmail.get(member.email.toLowerCase())!
      lead.set(user.id, (lead.get(user.id) ?? false) || member.lead === true)
    }
    const now = sqlTime(new Date())
    await db.transaction(async (trx) => {
      const before: { user_id: number; lead: unknown }[] = await trx
        .from('team_members')
        .where('team_id', team.id)
        .orderBy('user_id')
        .select('user_id', 'lead')
      await trx.from('team_members').where('team_id', team.id).delete()
      await bumpAfterCommit(trx)
      if (lead.size) {
        await trx.table('team_members').multiInsert(
          [...lead].map(([userId, isLead]) => ({
            team_id: team.id,
            user_id: userId,
            lead: isLead,
            created_at: now,
          }))
        )
      }
      await recordAudit(trx, {
        action: 'team.members_changed',
        subject: { type: 'team', id: team.id, label: team.key },
        before: {
          members: before.map((row) => ({ userId: Number(row.user_id), lead: Boolean(row.lead) })),
        },
        after: { members: [...lead].map(([userId, isLead]) => ({ userId, lead: isLead })) },
      })
    })
    await team.load('members', (query) => query.orderBy('name'))
    return team
  }
}
