import type { HttpContext } from '@adonisjs/core/http'
import SaveCalendar from '#actions/calendars/save_calendar'
import { findCalendar, listCalendars } from '#actions/calendars/find_calendar'
import CalendarTransformer from '#transformers/calendar_transformer'
import { createCalendarValidator, updateCalendarValidator } from '#validators/calendar'

/**
 * Admin → Calendars: the business calendars working-time SLAs count in
 * (time zone, hours per weekday, holidays, the default).
 */
export default class CalendarsController {
  async index({ inertia, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    return inertia.render('admin/calendars/index', {
      calendars: CalendarTransformer.transform(await listCalendars()),
    })
  }

  async create({ inertia, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    return inertia.render('admin/calendars/form', { calendar: null })
  }

  async store({ request, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const input = await request.validateUsing(createCalendarValidator)
    const calendar = await new SaveCalendar().create(input)
    session.flash('success', i18n.t('calendars.flash.created', { name: calendar.name }))
    return response.redirect().toRoute('admin.calendars.index')
  }

  async edit({ params, inertia, bouncer }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const calendar = await findCalendar(params.key)
    return inertia.render('admin/calendars/form', {
      calendar: CalendarTransformer.transform(calendar),
    })
  }

  async update({ params, request, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const calendar = await findCalendar(params.key)
    const input = await request.validateUsing(updateCalendarValidator)
    await new SaveCalendar().update(calendar, input)
    session.flash('success', i18n.t('calendars.flash.updated', { name: calendar.name }))
    return response.redirect().toRoute('admin.calendars.index')
  }
}
