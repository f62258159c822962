import type { HttpContext } from '@adonisjs/core/http'
import SaveCalendar from '#actions/calendars/save_calendar'
import { findCalendar, listCalendars } from '#actions/calendars/find_calendar'
import CalendarTransformer from '#transformers/calendar_transformer'
import { createCalendarValidator, updateCalendarValidator } from '#validators/calendar'
import { serialize } from '#support/api_serializer'

/**
 * Business calendars over the JSON API: anyone signed in reads them (a
 * workflow names one); admins create and change them.
 */
export default class CalendarsController {
  async index() {
    return serialize(CalendarTransformer.transform(await listCalendars()))
  }

  async store({ request, response, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const input = await request.validateUsing(createCalendarValidator)
    const calendar = await new SaveCalendar().create(input)
    return response.created(await serialize(CalendarTransformer.transform(calendar)))
  }

  async update({ params, request, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const calendar = await findCalendar(params.key)
    const input = await request.validateUsing(updateCalendarValidator)
    return serialize(
      CalendarTransformer.transform(await new SaveCalendar().update(calendar, input))
    )
  }
}
