import type { HttpContext } from '@adonisjs/core/http'
import Process from '#models/process'
import Team from '#models/team'
import ProcessPolicy from '#policies/process_policy'
import ClaimProcess from '#actions/processes/claim_process'
import VoteOnProcess from '#actions/processes/vote_on_process'
import SetAbsence from '#actions/users/set_absence'
import { loadVisibleProcess } from '#actions/processes/load_process'
import ProcessTransformer from '#transformers/process_transformer'
import { definitionsOf } from '#support/definitions'
import { teamKeysOf } from '#support/teams/membership'
import { absenceValidator, claimValidator, voteValidator } from '#validators/collaboration'

/** How many queued processes the page lists per visit (oldest first). */
const QUEUE_LIMIT = 100

/**
 * "My work → Team queues" and the page commands of team work: claiming
 * from a queue, voting on an approval, and one's own absence. The same
 * actions as the JSON API; errors come back as flash messages.
 */
export default class TeamQueuesController {
  async index({ inertia, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const keys = await teamKeysOf(user.id)
    const teams = keys.length ? await Team.query().whereIn('key', keys).orderBy('name') : []
    const queued = keys.length
      ? await Process.query()
          .whereIn('queue_team', keys)
          .where('status', 'active')
          .whereNull('assignee_id')
          .preload('workflow')
          .orderBy('created_at', 'asc')
          .orderBy('id', 'asc')
          .limit(QUEUE_LIMIT)
      : []
    const definitions = await definitionsOf(queued.map((p) => p.workflowVersionId))
    return inertia.render('queues/index', {
      teams: teams.map((team) => ({ key: team.key, name: team.name })),
      processes: ProcessTransformer.transform(queued, { definitions, viewer: user }),
      queueOf: Object.fromEntries(queued.map((p) => [p.id, p.queueTeam ?? ''])),
    })
  }

  async claim({ params, request, response, auth, bouncer, session, i18n }: HttpContext) {
    const process = await loadVisibleProcess(params.id, auth.getUserOrFail())
    await bouncer.with(ProcessPolicy).authorize('work', process)
    const input = await request.validateUsing(claimValidator)
    await new ClaimProcess().handle({
      process,
      actor: auth.getUserOrFail(),
      idempotencyKey: input.idempotencyKey,
    })
    session.flash('success', i18n.t('processes.flash.claimed'))
    return response.redirect().toRoute('processes.show', { id: process.id })
  }

  async vote({ params, request, response, auth, bouncer, session, i18n }: HttpContext) {
    const process = await loadVisibleProcess(params.id, auth.getUserOrFail())
    await bouncer.with(ProcessPolicy).authorize('work', process)
    const input = await request.validateUsing(voteValidator)
    await new VoteOnProcess().handle({
      process,
      actor: auth.getUserOrFail(),
      decision: input.decision,
      comment: input.comment,
      idempotencyKey: input.idempotencyKey,
    })
    session.flash(
      'success',
      i18n.t(input.decision === 'approve' ? 'processes.flash.approved' : 'processes.flash.rejected')
    )
    return response.redirect().back()
  }

  async setAbsence({ request, response, auth, session, i18n }: HttpContext) {
    const input = await request.validateUsing(absenceValidator)
    await new SetAbsence().handle(auth.getUserOrFail(), input)
    session.flash('success', i18n.t('profile.flash.absenceSaved'))
    return response.redirect().toRoute('profile.show')
  }

  async clearAbsence({ response, auth, session, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    user.merge({ absentFrom: null, absentTo: null, delegateId: null })
    await user.save()
    session.flash('success', i18n.t('profile.flash.absenceCleared'))
    return response.redirect().toRoute('profile.show')
  }
}
