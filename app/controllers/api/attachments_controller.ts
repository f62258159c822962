import type { HttpContext } from '@adonisjs/core/http'
import Attachment from '#models/attachment'
import ProcessPolicy from '#policies/process_policy'
import AttachmentTransformer from '#transformers/attachment_transformer'
import { attachmentValidator } from '#validators/attachment'
import { cursorListValidator } from '#validators/api_list'
import { loadVisibleProcess } from '#actions/processes/load_process'
import AttachFile from '#actions/attachments/attach_file'
import { serialize } from '#support/api_serializer'
import { keyset, pageOf } from '#support/cursor'

/**
 * Files attached to a process over the JSON API: the list (newest first,
 * cursor-paginated) and a multipart upload, with the process page's rules
 * and action. The download is the page's own (AttachmentsController).
 */
export default class AttachmentsController {
  async index({ params, request, auth, bouncer }: HttpContext) {
    const process = await loadVisibleProcess(params.id, auth.getUserOrFail())
    await bouncer.with(ProcessPolicy).authorize('view', process)
    const input = await request.validateUsing(cursorListValidator, { data: request.qs() })
    const attachments = await keyset(
      Attachment.query().where('process_id', process.id).preload('uploader'),
      input
    )
    const { rows, metadata } = pageOf(attachments, input)
    const body = await serialize(AttachmentTransformer.transform(rows))
    return { ...body, metadata }
  }

  async store({ params, request, response, auth, bouncer }: HttpContext) {
    const process = await loadVisibleProcess(params.id, auth.getUserOrFail())
    await bouncer.with(ProcessPolicy).authorize('comment', process)
    const { file } = await request.validateUsing(attachmentValidator)
    const attachment = await new AttachFile().handle({ process, file, actor: auth.getUserOrFail() })
    await attachment.load('uploader')
    response.status(201)
    return serialize(AttachmentTransformer.transform(attachment))
  }
}
