import vine from '@vinejs/vine'

/**
 * The shape of a calendar's settings; what the values mean (a known time
 * zone, ranges that parse and do not overlap, real dates) is checked by the
 * engine's `calendarProblems`, which names each wrong entry.
 */
const settings = {
  name: vine.string().trim().minLength(1).maxLength(120),
  timeZone: vine.string().trim().maxLength(64),
  hours: vine.record(vine.array(vine.string().trim().maxLength(20)).maxLength(12)),
  holidays: vine.array(vine.string().trim().maxLength(10)).maxLength(500),
  isDefault: vine.boolean().optional(),
}

export const createCalendarValidator = vine.create({
  key: vine
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_-]{0,63}$/),
  ...settings,
})

export const updateCalendarValidator = vine.create({
  ...settings,
  name: settings.name.optional(),
})
