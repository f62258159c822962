import type { HttpContext } from '@adonisjs/core/http'
import drive from '@adonisjs/drive/services/main'
import Attachment from '#models/attachment'
import ProcessPolicy from '#policies/process_policy'
import AttachmentTransformer from '#transformers/attachment_transformer'
import { attachmentValidator } from '#validators/attachment'
import { loadVisibleProcess } from '#actions/processes/load_process'
import AttachFile from '#actions/attachments/attach_file'
import { serialize } from '#support/api_serializer'

/**
 * Files attached to a process: the list (JSON, read by the process page),
 * an upload (a form post; back to the page with a message) and a download
 * (streamed from the drive disk after authorization).
 */
export default class AttachmentsController {
  async index({ params, auth, bouncer }: HttpContext) {
    const process = await loadVisibleProcess(params.id, auth.getUserOrFail())
    await bouncer.with(ProcessPolicy).authorize('view', process)
    const attachments = await Attachment.query()
      .where('process_id', process.id)
      .preload('uploader')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
    return serialize(AttachmentTransformer.transform(attachments))
  }

  async store({ params, request, response, auth, bouncer, session, i18n }: HttpContext) {
    const process = await loadVisibleProcess(params.id, auth.getUserOrFail())
    await bouncer.with(ProcessPolicy).authorize('comment', process)
    const { file } = await request.validateUsing(attachmentValidator)
    const attachment = await new AttachFile().handle({ process, file, actor: auth.getUserOrFail() })
    session.flash('success', i18n.t('scaleout.attachments.uploaded', { name: attachment.fileName }))
    return response.redirect().back()
  }

  async download({ params, response, auth, bouncer }: HttpContext) {
    const process = await loadVisibleProcess(params.id, auth.getUserOrFail())
    const attachment = await Attachment.query()
      .where('process_id', process.id)
      .where('id', params.attachmentId)
      .firstOrFail()
    await bouncer.with(ProcessPolicy).authorize('view', process)
    const stream = await drive.use().getStream(attachment.key)
    response.header('content-type', attachment.mimeType)
    response.header('content-length', String(attachment.size))
    response.header(
      'content-disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`
    )
    response.header('x-content-type-options', 'nosniff')
    response.stream(stream)
  }
}
