import vine from '@vinejs/vine'

/**
 * The definition document itself is checked by the engine's verifier
 * (every problem with its JSON path); here only its envelope.
 */
export const definitionDocumentValidator = vine.create({
  definition: vine.record(vine.any()).optional(),
})
