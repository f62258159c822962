import { BaseTransformer } from '@adonisjs/core/transformers'
import type Attachment from '#models/attachment'

/**
 * A file on the process page's attachment list.
 */
export default class AttachmentTransformer extends BaseTransformer<Attachment> {
  toObject() {
    return {
      ...this.pick(this.resource, ['id', 'processId', 'fileName', 'mimeType']),
      size: Number(this.resource.size),
      uploadedBy: this.resource.uploader?.name ?? null,
      createdAt: this.resource.createdAt.toISO()!,
    }
  }
}
