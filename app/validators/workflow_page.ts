import vine from '@vinejs/vine'
import { DEFINITION_FORMATS } from '#engine/definition'
import { PRIORITIES } from '#engine/replay'

/**
 * The designer posts the whole definition document; its content is the
 * verifier's business (every problem with its JSON path), so only the
 * envelope is checked here.
 */
export const designerDocumentValidator = vine.create({
  definition: vine.record(vine.any()),
  /** Canvas positions by stage key (presentation only, beside the definition). */
  layout: vine
    .record(
      vine.object({
        x: vine.number().min(-100_000).max(100_000),
        y: vine.number().min(-100_000).max(100_000),
      })
    )
    .maxLength(500)
    .nullable()
    .optional(),
})

/** A definition file to import: JSON or YAML, at most 1 MB. */
export const importDefinitionValidator = vine.create({
  file: vine.file({ size: '1mb', extnames: ['json', 'yaml', 'yml'] }),
})

export const exportDefinitionValidator = vine.create({
  format: vine.enum(DEFINITION_FORMATS),
})

/** Which two versions the workflow page compares (both optional). */
export const compareVersionsValidator = vine.create({
  from: vine.number().withoutDecimals().min(1).optional(),
  to: vine.number().withoutDecimals().min(1).optional(),
  /** The flow overlay's period, in days. */
  days: vine.number().in([7, 30, 90]).optional(),
})

/** The small "start a process" form of the workflow pages. */
export const startFromWorkflowValidator = vine.create({
  title: vine.string().trim().minLength(1).maxLength(200),
  priority: vine.enum(PRIORITIES).optional(),
})
