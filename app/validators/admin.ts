import vine from '@vinejs/vine'

/**
 * Engine health: how many days without an event make an active process
 * "stalled".
 */
export const engineHealthValidator = vine.create({
  days: vine.number().withoutDecimals().min(1).max(365).optional(),
})
