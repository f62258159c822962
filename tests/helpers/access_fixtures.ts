import { UserFactory } from '#database/factories/user_factory'
import { DEMO_DEFINITIONS } from '#database/definitions/index'
import Team from '#models/team'
import type User from '#models/user'
import type { AudienceEntry } from '#models/workflow'
import SetTeamMembers from '#actions/teams/set_team_members'
import SaveWorkflowAccess from '#actions/workflows/save_workflow_access'
import { publishWorkflow } from '#tests/helpers/common'

/** A team with these members (none of them leads). */
export async function teamWith(key: string, members: User[]) {
  const team = await Team.create({ key, name: key.toUpperCase() })
  await new SetTeamMembers().handle(
    team,
    members.map((m) => ({ email: m.email }))
  )
  return team
}

/** Publishes a demo definition under `key` and restricts it to `access`. */
export async function restrictedWorkflow(
  key: string,
  owner: User,
  access: { start?: AudienceEntry[]; see?: AudienceEntry[]; work?: AudienceEntry[] }
) {
  const { workflow } = await publishWorkflow(
    { ...DEMO_DEFINITIONS.orderFulfilment, key, name: `Workflow ${key}` },
    owner
  )
  await new SaveWorkflowAccess().handle(workflow, access)
  return workflow
}

/** An admin, and managers: inside (works), seer (sees only), outsider (neither). */
export async function accessCast() {
  return {
    admin: await UserFactory.apply('admin').merge({ name: 'Ada Admin' }).create(),
    inside: await UserFactory.apply('manager').merge({ name: 'Ines Inside' }).create(),
    seer: await UserFactory.apply('manager').merge({ name: 'Sam Seer' }).create(),
    outsider: await UserFactory.apply('manager').merge({ name: 'Otto Outsider' }).create(),
  }
}
