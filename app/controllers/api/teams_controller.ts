import type { HttpContext } from '@adonisjs/core/http'
import Team from '#models/team'
import TeamPolicy from '#policies/team_policy'
import SaveTeam, { findTeam } from '#actions/teams/save_team'
import SetTeamMembers from '#actions/teams/set_team_members'
import TeamTransformer from '#transformers/team_transformer'
import { serialize } from '#support/api_serializer'
import { createTeamValidator, teamMembersValidator, updateTeamValidator } from '#validators/team'

/**
 * Teams over the JSON API (admins): `{ key, name }`, and the member list
 * replaced as a whole by PUT …/members.
 */
export default class TeamsController {
  async index({ bouncer }: HttpContext) {
    await bouncer.with(TeamPolicy).authorize('manage')
    const teams = await Team.query().preload('members').orderBy('name')
    return serialize(TeamTransformer.transform(teams))
  }

  async store({ request, response, bouncer }: HttpContext) {
    await bouncer.with(TeamPolicy).authorize('manage')
    const input = await request.validateUsing(createTeamValidator)
    const team = await new SaveTeam().create(input)
    await team.load('members')
    return response.created(await serialize(TeamTransformer.transform(team)))
  }

  async show({ params, bouncer }: HttpContext) {
    await bouncer.with(TeamPolicy).authorize('manage')
    const team = await findTeam(params.key)
    await team.load('members')
    return serialize(TeamTransformer.transform(team))
  }

  async update({ params, request, bouncer }: HttpContext) {
    await bouncer.with(TeamPolicy).authorize('manage')
    const team = await findTeam(params.key)
    const { name } = await request.validateUsing(updateTeamValidator)
    await new SaveTeam().rename(team, name)
    await team.load('members')
    return serialize(TeamTransformer.transform(team))
  }

  async destroy({ params, response, bouncer }: HttpContext) {
    await bouncer.with(TeamPolicy).authorize('manage')
    await new SaveTeam().destroy(await findTeam(params.key))
    return response.noContent()
  }

  async members({ params, request, bouncer }: HttpContext) {
    await bouncer.with(TeamPolicy).authorize('manage')
    const team = await findTeam(params.key)
    const { members } = await request.validateUsing(teamMembersValidator)
    await new SetTeamMembers().handle(team, members)
    return serialize(TeamTransformer.transform(team))
  }
}
