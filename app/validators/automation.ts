import vine from '@vinejs/vine'

/** PUT /api/v1/state/:scope/:key — ttl in seconds (fractions allowed). */
export const setStateValidator = vine.create({
  value: vine.any(),
  ttl: vine.number().min(0.001).max(31_536_000).optional(),
  expectedVersion: vine.number().withoutDecimals().min(0).optional(),
})

export const incrementStateValidator = vine.create({
  by: vine.number().optional(),
})

export const lockStateValidator = vine.create({
  owner: vine.string().trim().minLength(1).maxLength(191),
  ttl: vine.number().min(0.001).max(86_400),
})

export const unlockStateValidator = vine.create({
  owner: vine.string().trim().minLength(1).maxLength(191),
})

/** Resolving a failed compensation by hand needs a word on what was done. */
export const resolveAttentionValidator = vine.create({
  comment: vine.string().trim().minLength(1).maxLength(2000),
})
