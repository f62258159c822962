import { useI18n } from '../../lib/i18n.ts'

/** How the server says a working-time due date was reached (`DueExplanation` in app/engine/calendar.ts). */
export type DueExplanationView = {
  amount: number
  unit: 'days' | 'hours' | 'minutes'
  calendar: string
  timeZone: string
  from: string
  countingFrom: string
  due: string
  skipped: { date: string; reason: 'holiday' | 'closed' }[]
  resumed: boolean
}

/**
 * "Due Tue 14:00 — 2 working days, Mon was a holiday": the due time in
 * the calendar's time zone, the SLA, and what was skipped besides closed
 * days (weekends are obvious; holidays are not).
 */
export function DueExplanation(props: { explanation: DueExplanationView }) {
  const { t, locale } = useI18n()
  const e = props.explanation
  const inZone = (iso: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { timeZone: e.timeZone, ...options }).format(new Date(iso))
  const when = (iso: string) =>
    inZone(iso, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    })
  const holidays = e.skipped.filter((s) => s.reason === 'holiday')
  const dayName = (date: string) =>
    new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      weekday: 'short',
      day: 'numeric',
      month: 'short',
    }).format(new Date(`${date}T12:00:00Z`))
  const parts = [
    e.resumed
      ? t('calendars.due.resumed')
      : t('calendars.due.working', { amount: e.amount, unit: e.unit }),
    ...(e.countingFrom !== e.from && !e.resumed
      ? [t('calendars.due.countingFrom', { start: when(e.countingFrom) })]
      : []),
    ...(holidays.length
      ? [
          t('calendars.due.holidays', {
            days: holidays.map((h) => dayName(h.date)).join(', '),
            count: holidays.length,
          }),
        ]
      : []),
  ]
  return (
    <span className="due-explanation">
      {t('calendars.due.title', { due: when(e.due) })} — {parts.join(', ')}{' '}
      <span className="muted">
        ({t('calendars.due.calendar', { calendar: e.calendar, timeZone: e.timeZone })})
      </span>
    </span>
  )
}
