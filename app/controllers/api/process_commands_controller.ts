import type { HttpContext } from '@adonisjs/core/http'
import ProcessPolicy from '#policies/process_policy'
import TransitionProcess from '#actions/processes/transition_process'
import AssignProcess from '#actions/processes/assign_process'
import CancelProcess from '#actions/processes/cancel_process'
import CommentOnProcess from '#actions/processes/comment_on_process'
import { loadVisibleProcess } from '#actions/processes/load_process'
import { serializeProcessDetail } from '#transformers/process_detail'
import {
  assignProcessValidator,
  cancelProcessValidator,
  commentProcessValidator,
  transitionProcessValidator,
} from '#validators/process'

/**
 * The commands on one process. Each answers with the process as it is
 * after the command (or, for a repeated idempotency key, as it was after
 * the original one).
 */
export default class ProcessCommandsController {
  async transition({ params, request, auth, bouncer }: HttpContext) {
    const process = await loadVisibleProcess(params.id, auth.getUserOrFail())
    await bouncer.with(ProcessPolicy).authorize('transition', process)
    const input = await request.validateUsing(transitionProcessValidator)
    const user = auth.getUserOrFail()
    const result = await new TransitionProcess().handle({
      process,
      transition: input.transition,
      expectedVersion: input.expectedVersion,
      data: input.data,
      comment: input.comment,
      idempotencyKey: input.idempotencyKey ?? request.header('idempotency-key'),
      actor: user,
    })
    return serializeProcessDetail(result.process, user, result.replayed)
  }

  async assign({ params, request, auth, bouncer }: HttpContext) {
    const process = await loadVisibleProcess(params.id, auth.getUserOrFail())
    await bouncer.with(ProcessPolicy).authorize('work', process)
    const input = await request.validateUsing(assignProcessValidator)
    await bouncer.with(ProcessPolicy).authorize('assign', process, input.assigneeId)
    const result = await new AssignProcess().handle({
      process,
      assigneeId: input.assigneeId,
      expectedVersion: input.expectedVersion,
      idempotencyKey: input.idempotencyKey ?? request.header('idempotency-key'),
      actorId: auth.user!.id,
    })
    return serializeProcessDetail(result.process, auth.getUserOrFail(), result.replayed)
  }

  async comment({ params, request, response, auth, bouncer }: HttpContext) {
    const process = await loadVisibleProcess(params.id, auth.getUserOrFail())
    await bouncer.with(ProcessPolicy).authorize('comment', process)
    const input = await request.validateUsing(commentProcessValidator)
    const command = {
      process,
      body: input.body,
      idempotencyKey: input.idempotencyKey ?? request.header('idempotency-key'),
      actorId: auth.getUserOrFail().id,
    }
    const result = input.expectedVersion
      ? await new CommentOnProcess().handle({ ...command, expectedVersion: input.expectedVersion })
      : await new CommentOnProcess().handleOnLatest(command)
    const body = await serializeProcessDetail(result.process, auth.getUserOrFail(), result.replayed)
    return result.replayed ? body : response.created(body)
  }

  async cancel({ params, request, auth, bouncer }: HttpContext) {
    const process = await loadVisibleProcess(params.id, auth.getUserOrFail())
    await bouncer.with(ProcessPolicy).authorize('cancel', process)
    const input = await request.validateUsing(cancelProcessValidator)
    const result = await new CancelProcess().handle({
      process,
      reason: input.reason,
      expectedVersion: input.expectedVersion,
      idempotencyKey: input.idempotencyKey ?? request.header('idempotency-key'),
      actorId: auth.user!.id,
    })
    return serializeProcessDetail(result.process, auth.getUserOrFail(), result.replayed)
  }
}
