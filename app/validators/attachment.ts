import vine from '@vinejs/vine'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import { attachmentRules } from '#config/drive'
import { contentTypeOf } from '#support/file_signature'

/**
 * The file's first bytes must be what its name's extension says (a PNG
 * named .pdf, a web page named .png and a binary named .txt are refused).
 */
const contentMatchingName = vine.createRule(async (value: unknown, _options, field) => {
  const file = value as MultipartFile
  if (!file.tmpPath || !(await contentTypeOf(file.clientName, file.tmpPath))) {
    field.report('The file does not contain what its name says', 'file.content', field)
  }
})

/** One file for a process: size, extension and content checked before anything is stored. */
export const attachmentValidator = vine.create({
  file: vine
    .file({
      size: attachmentRules.maxBytes,
      extnames: attachmentRules.extensions,
    })
    .use(contentMatchingName()),
})
