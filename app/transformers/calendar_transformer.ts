import { BaseTransformer } from '@adonisjs/core/transformers'
import type Calendar from '#models/calendar'

/** A business calendar for the API and Admin → Calendars. */
export default class CalendarTransformer extends BaseTransformer<Calendar> {
  toObject() {
    const calendar = this.resource
    return {
      key: calendar.key,
      name: calendar.name,
      timeZone: calendar.timeZone,
      hours: calendar.hours,
      holidays: calendar.holidays,
      isDefault: calendar.isDefault,
      updatedAt: calendar.updatedAt.toISO()!,
    }
  }
}
