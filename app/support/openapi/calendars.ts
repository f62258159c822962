import { WEEKDAYS } from '#engine/calendar'
import {
  answer,
  authenticated,
  dateTime,
  jsonBody,
  list,
  object,
  ok,
  ref,
  response,
  type Json,
} from '#support/openapi/helpers'

/** Business calendars: what working-time SLAs ("2 working days") count in. */

const settings: Record<string, Json> = {
  name: { type: 'string', minLength: 1, maxLength: 120 },
  timeZone: { type: 'string', description: 'IANA time zone, e.g. "Europe/Lisbon".' },
  hours: {
    type: 'object',
    description:
      'Working ranges per weekday (mon … sun), local time, end exclusive ("24:00" allowed); several ranges per day, not overlapping. A day left out is not worked.',
    properties: Object.fromEntries(
      WEEKDAYS.map((d) => [d, list({ type: 'string', example: '09:00-17:00' })])
    ),
    additionalProperties: false,
  },
  holidays: {
    ...list({ type: 'string', pattern: '^([0-9]{4}|-)-[0-9]{2}-[0-9]{2}$' }),
    description: '"2026-12-25" for that date, "--12-25" for every year.',
  },
  isDefault: {
    type: 'boolean',
    description:
      'The calendar of workflows that name none (setting it unsets the previous default).',
  },
}

export function calendarSchemas(): Record<string, Json> {
  return {
    Calendar: answer({
      key: { type: 'string' },
      name: { type: 'string' },
      timeZone: { type: 'string' },
      hours: settings.hours,
      holidays: list({ type: 'string' }),
      isDefault: { type: 'boolean' },
      updatedAt: dateTime,
    }),
    CalendarCreate: object(
      { key: { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,63}$' }, ...settings },
      ['key', 'name', 'timeZone', 'hours', 'holidays']
    ),
    CalendarUpdate: object(settings, ['timeZone', 'hours', 'holidays']),
    CalendarResponse: answer({ data: ref('Calendar') }),
    CalendarListResponse: answer({ data: list(ref('Calendar')) }),
  }
}

const invalid = { '422': response('ValidationFailed') }

export function calendarPaths(): Record<string, Json> {
  return {
    '/api/v1/calendars': {
      get: {
        operationId: 'api.calendars.index',
        summary: 'Business calendars (the default first)',
        tags: ['calendars'],
        responses: { '200': ok('The calendars.', 'CalendarListResponse'), ...authenticated },
      },
      post: {
        operationId: 'api.calendars.store',
        summary: 'Create a business calendar (admins)',
        description:
          '422 names every wrong entry as its field: `timeZone` (invalid_time_zone), `hours.<day>.<n>` (invalid_range, overlapping_ranges), `holidays.<n>` (invalid_date), `key` (calendar_key_taken).',
        tags: ['calendars'],
        requestBody: jsonBody('CalendarCreate'),
        responses: {
          '201': ok('The calendar.', 'CalendarResponse'),
          ...authenticated,
          '403': response('Forbidden'),
          ...invalid,
        },
      },
    },
    '/api/v1/calendars/{key}': {
      parameters: [{ name: 'key', in: 'path', required: true, schema: { type: 'string' } }],
      put: {
        operationId: 'api.calendars.update',
        summary: 'Change a business calendar (admins)',
        description:
          'Due times already computed keep their value (they are recorded in the events); new stage entries use the new settings. The default calendar cannot be un-defaulted (make another the default).',
        tags: ['calendars'],
        requestBody: jsonBody('CalendarUpdate'),
        responses: {
          '200': ok('The calendar.', 'CalendarResponse'),
          ...authenticated,
          '403': response('Forbidden'),
          '404': response('NotFound'),
          ...invalid,
        },
      },
    },
  }
}
