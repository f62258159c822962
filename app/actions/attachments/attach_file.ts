import { randomUUID } from 'node:crypto'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import drive from '@adonisjs/drive/services/main'
// Adds MultipartFile.moveToDisk (a type-only import: the provider is registered in adonisrc).
import type {} from '@adonisjs/drive/drive_provider'
import Attachment from '#models/attachment'
import Process from '#models/process'
import type User from '#models/user'
import CommitProcessChange from '#actions/processes/commit_process_change'
import { VersionConflict } from '#exceptions/process_errors'
import { InvalidInput } from '#exceptions/domain_error'
import { contentTypeOf } from '#support/file_signature'

/**
 * Stores an uploaded file on the drive disk, records it and writes an
 * `attachment_added` event through the engine's one write path (so the
 * timeline shows it and followers hear of it). Attaching does not change
 * the process's state, so it goes on top of whatever version is current
 * (one retry when someone else moved the process meanwhile). If recording
 * fails, the stored file is removed: nothing half-written is left.
 * The content type comes from the name's extension once the bytes agree
 * with it, never from the client (a .txt sent as text/html is text/plain).
 */
export default class AttachFile {
  constructor(protected writer = new CommitProcessChange()) {}

  async handle(params: { process: Process; file: MultipartFile; actor: User }) {
    const { file, actor } = params
    const mimeType = file.tmpPath ? await contentTypeOf(file.clientName, file.tmpPath) : null
    if (!mimeType) {
      const message = 'The file does not contain what its name says'
      throw new InvalidInput(message, [{ field: 'file', message }])
    }
    const safeName = (file.clientName || 'file').replace(/[^\w.-]+/g, '_').slice(-120)
    const key = `processes/${params.process.id}/${randomUUID()}-${safeName}`
    await file.moveToDisk(key)

    try {
      const attachment = await Attachment.create({
        processId: params.process.id,
        uploadedBy: actor.id,
        key,
        fileName: file.clientName || safeName,
        mimeType,
        size: file.size,
      })
      let process = params.process
      for (let attempt = 1; ; attempt++) {
        try {
          await this.writer.handle({
            process,
            expectedVersion: process.version,
            actorId: actor.id,
            event: {
              type: 'attachment_added',
              payload: {
                attachmentId: attachment.id,
                fileName: attachment.fileName,
                size: attachment.size,
              },
            },
          })
          return attachment
        } catch (error) {
          if (!(error instanceof VersionConflict) || attempt > 1) throw error
          process = await Process.findOrFail(process.id)
        }
      }
    } catch (error) {
      await Attachment.query().where('key', key).delete()
      await drive.use().delete(key)
      throw error
    }
  }
}
