import type { HttpContext } from '@adonisjs/core/http'
import Team from '#models/team'
import User from '#models/user'
import TeamPolicy from '#policies/team_policy'
import SaveTeam, { findTeam } from '#actions/teams/save_team'
import SetTeamMembers from '#actions/teams/set_team_members'
import TeamTransformer from '#transformers/team_transformer'
import PersonTransformer from '#transformers/person_transformer'
import { createTeamValidator, teamMembersValidator, updateTeamValidator } from '#validators/team'

/**
 * Admin → Teams: create, rename and delete teams and set their members and
 * leads (the same actions as the API, behind the session); and "My teams"
 * for managers, the teams they lead, read-only.
 */
export default class TeamsController {
  async index({ inertia, bouncer }: HttpContext) {
    await bouncer.with(TeamPolicy).authorize('manage')
    const teams = await Team.query().preload('members').orderBy('name')
    const people = await User.query().withScopes((s) => {
      s.asPeople()
      s.active()
    })
    return inertia.render('admin/teams/index', {
      teams: TeamTransformer.transform(teams),
      people: PersonTransformer.transform(people),
    })
  }

  async store({ request, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.with(TeamPolicy).authorize('manage')
    const input = await request.validateUsing(createTeamValidator)
    const team = await new SaveTeam().create(input)
    session.flash('success', i18n.t('teams.flash.created', { name: team.name }))
    return response.redirect().toRoute('admin.teams.index')
  }

  async update({ params, request, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.with(TeamPolicy).authorize('manage')
    const team = await findTeam(params.key)
    const { name } = await request.validateUsing(updateTeamValidator)
    await new SaveTeam().rename(team, name)
    session.flash('success', i18n.t('teams.flash.updated', { name: team.name }))
    return response.redirect().toRoute('admin.teams.index')
  }

  async members({ params, request, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.with(TeamPolicy).authorize('manage')
    const team = await findTeam(params.key)
    const { members } = await request.validateUsing(teamMembersValidator)
    await new SetTeamMembers().handle(team, members)
    session.flash('success', i18n.t('teams.flash.membersSaved', { name: team.name }))
    return response.redirect().toRoute('admin.teams.index')
  }

  async destroy({ params, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.with(TeamPolicy).authorize('manage')
    const team = await findTeam(params.key)
    await new SaveTeam().destroy(team)
    session.flash('success', i18n.t('teams.flash.deleted', { name: team.name }))
    return response.redirect().toRoute('admin.teams.index')
  }

  /** The teams the signed-in lead leads (admins: every team), read-only. */
  async led({ inertia, auth, bouncer }: HttpContext) {
    await bouncer.with(TeamPolicy).authorize('viewLed')
    const user = auth.getUserOrFail()
    const teams = await Team.query()
      .if(user.role !== 'admin', (query) =>
        query.whereIn('id', (sub) =>
          sub.from('team_members').select('team_id').where('user_id', user.id).where('lead', true)
        )
      )
      .preload('members')
      .orderBy('name')
    return inertia.render('teams/index', { teams: TeamTransformer.transform(teams) })
  }
}
