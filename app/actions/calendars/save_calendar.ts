import db from '@adonisjs/lucid/services/db'
import { calendarProblems, type Weekday } from '#engine/calendar'
import Calendar from '#models/calendar'
import { InvalidInput } from '#exceptions/domain_error'
import { recordAudit } from '#actions/audit/record_audit'

export type CalendarInput = {
  key?: string
  name?: string
  timeZone: string
  hours: Partial<Record<Weekday, string[]>>
  holidays: string[]
  isDefault?: boolean
}

/**
 * Creates or changes a business calendar. The settings must make sense
 * (422 naming each wrong entry); making one calendar the default unsets
 * the others in the same transaction, so there is always exactly one.
 */
export default class SaveCalendar {
  async create(input: CalendarInput & { key: string; name: string }) {
    this.check(input)
    if (await Calendar.findBy('key', input.key)) {
      throw new InvalidInput('The calendar could not be saved.', [
        {
          field: 'key',
          code: 'calendar_key_taken',
          message: `A calendar with the key "${input.key}" exists.`,
        },
      ])
    }
    return this.save(new Calendar(), input)
  }

  async update(calendar: Calendar, input: CalendarInput) {
    this.check(input)
    if (calendar.isDefault && input.isDefault === false) {
      throw new InvalidInput('The calendar could not be saved.', [
        {
          field: 'isDefault',
          code: 'default_required',
          message: 'Make another calendar the default instead: one calendar is always the default.',
        },
      ])
    }
    return this.save(calendar, input)
  }

  protected check(input: CalendarInput) {
    const problems = calendarProblems(input)
    if (problems.length) throw new InvalidInput('The calendar could not be saved.', problems)
  }

  protected async save(calendar: Calendar, input: CalendarInput) {
    const created = !calendar.$isPersisted
    const before = created ? null : this.describe(calendar)
    return db.transaction(async (trx) => {
      calendar.useTransaction(trx)
      if (input.key !== undefined) calendar.key = input.key
      if (input.name !== undefined) calendar.name = input.name
      calendar.timeZone = input.timeZone
      calendar.hours = input.hours
      calendar.holidays = input.holidays
      const otherDefault = await Calendar.query({ client: trx }).where('is_default', true).first()
      if (input.isDefault) calendar.isDefault = true
      else if (!calendar.$isPersisted) calendar.isDefault = otherDefault === null
      await calendar.save()
      if (calendar.isDefault) {
        await Calendar.query({ client: trx })
          .where('is_default', true)
          .whereNot('id', calendar.id)
          .update({ is_default: false })
      }
      await recordAudit(trx, {
        action: created ? 'calendar.created' : 'calendar.updated',
        subject: { type: 'calendar', id: calendar.id, label: calendar.key },
        before,
        after: this.describe(calendar),
      })
      return calendar
    })
  }

  protected describe(calendar: Calendar) {
    return {
      name: calendar.name,
      timeZone: calendar.timeZone,
      hours: calendar.hours,
      holidays: calendar.holidays,
      isDefault: calendar.isDefault,
    }
  }
}
