import { BaseTransformer } from '@adonisjs/core/transformers'
import type Team from '#models/team'
import type User from '#models/user'

/** A member as a team lists them: who, and whether they lead it. */
function member(user: User) {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    lead: Boolean(user.$extras.pivot_lead),
  }
}

/**
 * Teams for pages and the API: key, name and members (leads first, then by
 * name). The members relation must be loaded.
 */
export default class TeamTransformer extends BaseTransformer<Team> {
  toObject() {
    const members = (this.resource.members ?? []).map(member)
    members.sort((a, b) => Number(b.lead) - Number(a.lead) || a.name.localeCompare(b.name))
    return {
      key: this.resource.key,
      name: this.resource.name,
      members,
      createdAt: this.resource.createdAt.toISO()!,
      updatedAt: this.resource.updatedAt.toISO()!,
    }
  }
}
