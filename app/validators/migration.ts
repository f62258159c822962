import vine from '@vinejs/vine'

export const migrationPlanValidator = vine.create({
  from: vine.number().withoutDecimals().min(1).optional(),
  to: vine.number().withoutDecimals().min(1).optional(),
  map: vine.record(vine.string().trim().maxLength(64)).optional(),
})

export const startMigrationValidator = vine.create({
  from: vine.number().withoutDecimals().min(1),
  to: vine.number().withoutDecimals().min(1),
  map: vine.record(vine.string().trim().maxLength(64)),
})
