import type { HttpContext } from '@adonisjs/core/http'
import ProcessPolicy from '#policies/process_policy'
import ClaimProcess from '#actions/processes/claim_process'
import VoteOnProcess from '#actions/processes/vote_on_process'
import { loadVisibleProcess } from '#actions/processes/load_process'
import { serializeProcessDetail } from '#transformers/process_detail'
import { claimValidator, voteValidator } from '#validators/collaboration'

/**
 * Team work on one process: claiming it from a team queue and voting on
 * its approval. Who may do either is the actions' business (team
 * membership, the approval's eligible people, workflow access).
 */
export default class ProcessCollaborationController {
  async claim({ params, request, auth, bouncer }: HttpContext) {
    const process = await loadVisibleProcess(params.id, auth.getUserOrFail())
    await bouncer.with(ProcessPolicy).authorize('work', process)
    const input = await request.validateUsing(claimValidator)
    const user = auth.getUserOrFail()
    const result = await new ClaimProcess().handle({
      process,
      actor: user,
      idempotencyKey: input.idempotencyKey ?? request.header('idempotency-key'),
    })
    return serializeProcessDetail(result.process, user, result.replayed)
  }

  async vote({ params, request, auth, bouncer }: HttpContext) {
    const process = await loadVisibleProcess(params.id, auth.getUserOrFail())
    await bouncer.with(ProcessPolicy).authorize('work', process)
    const input = await request.validateUsing(voteValidator)
    const user = auth.getUserOrFail()
    const result = await new VoteOnProcess().handle({
      process,
      actor: user,
      decision: input.decision,
      comment: input.comment,
      idempotencyKey: input.idempotencyKey ?? request.header('idempotency-key'),
    })
    return serializeProcessDetail(result.process, user, result.replayed)
  }
}
