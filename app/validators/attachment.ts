import vine from '@vinejs/vine'
import { attachmentRules } from '#config/drive'

/** One file for a process: size and type checked before anything is stored. */
export const attachmentValidator = vine.create({
  file: vine.file({
    size: attachmentRules.maxBytes,
    extnames: attachmentRules.extensions,
  }),
})
