/**
 * Business calendars: working hours per weekday in a time zone, minus
 * holidays, and adding a working duration to an instant. Pure (luxon only).
 *
 * Meaning of the working units (see docs/ARCHITECTURE.md, "Business calendars"):
 * - "N working hours/minutes": that much time inside working hours, counted
 *   from the instant (or from the next opening when it is outside them).
 * - "N working days": the same point of the working day, N working days
 *   later. A working day is a weekday with hours that is not a holiday; the
 *   point is the working time elapsed since that day's opening (clamped to the
 *   target day's close when that day is shorter).
 */
import { DateTime } from 'luxon'

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof WEEKDAYS)[number]

export interface BusinessCalendar {
  key: string
  timeZone: string
  /** Local working ranges per weekday, "HH:MM-HH:MM" (end exclusive, "24:00" allowed). */
  hours: Partial<Record<Weekday, string[]>>
  /** "YYYY-MM-DD" (that date) or "--MM-DD" (every year). */
  holidays: string[]
}

/** The calendar used when none is configured: Mon–Fri 09:00–17:00 UTC. */
export const DEFAULT_CALENDAR: BusinessCalendar = {
  key: 'default',
  timeZone: 'UTC',
  hours: Object.fromEntries(WEEKDAYS.slice(0, 5).map((d) => [d, ['09:00-17:00']])),
  holidays: [],
}

export type WorkingUnit = 'days' | 'hours' | 'minutes'

export interface CalendarProblem {
  field: string
  code: string
  message: string
}

const RANGE = /^([01][0-9]|2[0-3]):([0-5][0-9])-(([01][0-9]|2[0-3]):([0-5][0-9])|24:00)$/
const DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/
const YEARLY = /^--([0-9]{2})-([0-9]{2})$/
/** Working days are searched this far ahead; a calendar with none in it is refused. */
export const MAX_SEARCH_DAYS = 3 * 366

/** Minutes since local midnight of the two ends of a range, or null when malformed. */
function parseRange(range: unknown): [number, number] | null {
  if (typeof range !== 'string') return null
  const m = RANGE.exec(range)
  if (!m) return null
  const start = Number(m[1]) * 60 + Number(m[2])
  const end = m[3] === '24:00' ? 24 * 60 : Number(m[4]) * 60 + Number(m[5])
  return start < end ? [start, end] : null
}

function validMonthDay(month: number, day: number, year = 2024): boolean {
  return DateTime.fromObject({ year, month, day }).isValid
}

/** True when `value` is a valid holiday entry ("2026-12-25" or yearly "--12-25"). */
export function isHoliday(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const date = DATE.exec(value)
  if (date) return validMonthDay(Number(date[2]), Number(date[3]), Number(date[1]))
  const yearly = YEARLY.exec(value)
  return yearly !== null && validMonthDay(Number(yearly[1]), Number(yearly[2]))
}

/** True when luxon knows the IANA time zone. */
export function isTimeZone(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && DateTime.local().setZone(value).isValid
}

/**
 * Everything wrong with a calendar's settings, each with the field it is
 * about (`hours.mon.1`, `holidays.0`…): empty when the calendar is usable.
 */
export function calendarProblems(input: {
  timeZone?: unknown
  hours?: unknown
  holidays?: unknown
}): CalendarProblem[] {
  const problems: CalendarProblem[] = []
  if (!isTimeZone(input.timeZone)) {
    problems.push({
      field: 'timeZone',
      code: 'invalid_time_zone',
      message: 'The time zone must be an IANA name such as "Europe/Lisbon".',
    })
  }
  const hours = input.hours
  let total = 0
  if (typeof hours !== 'object' || hours === null || Array.isArray(hours)) {
    problems.push({
      field: 'hours',
      code: 'invalid_hours',
      message: 'The hours must be an object of weekdays.',
    })
  } else {
    for (const [day, ranges] of Object.entries(hours)) {
      if (!(WEEKDAYS as readonly string[]).includes(day)) {
        problems.push({
          field: `hours.${day}`,
          code: 'invalid_weekday',
          message: `"${day}" is not a weekday (mon … sun).`,
        })
        continue
      }
      if (!Array.isArray(ranges)) {
        problems.push({
          field: `hours.${day}`,
          code: 'invalid_hours',
          message: 'The hours of a day must be a list of ranges.',
        })
        continue
      }
      const parsed: [number, number, number][] = []
      ranges.forEach((range, index) => {
        const r = parseRange(range)
        if (!r) {
          problems.push({
            field: `hours.${day}.${index}`,
            code: 'invalid_range',
            message: `"${String(range)}" is not a range such as "09:00-17:00" (start before end).`,
          })
        } else parsed.push([r[0], r[1], index])
      })
      parsed.sort((a, b) => a[0] - b[0])
      for (let i = 1; i < parsed.length; i++) {
        if (parsed[i][0] < parsed[i - 1][1]) {
          problems.push({
            field: `hours.${day}.${parsed[i][2]}`,
            code: 'overlapping_ranges',
            message: `The ranges of ${day} overlap.`,
          })
        }
      }
      total += parsed.reduce((sum, [s, e]) => sum + e - s, 0)
    }
    if (total === 0 && problems.length === 0) {
      problems.push({
        field: 'hours',
        code: 'no_working_hours',
        message: 'At least one weekday needs working hours.',
      })
    }
  }
  if (!Array.isArray(input.holidays)) {
    problems.push({
      field: 'holidays',
      code: 'invalid_holidays',
      message: 'The holidays must be a list of dates.',
    })
  } else {
    input.holidays.forEach((holiday, index) => {
      if (!isHoliday(holiday)) {
        problems.push({
          field: `holidays.${index}`,
          code: 'invalid_date',
          message: `"${String(holiday)}" is not a date such as "2026-12-25" or a yearly "--12-25".`,
        })
      }
    })
  }
  return problems
}

/** One working interval of a local day, as instants. */
export interface Interval {
  start: number
  end: number
}

interface WorkingDay {
  date: DateTime
  intervals: Interval[]
}

/** The instant of a local time of day (minutes since midnight; 1440 = next midnight). */
function at(date: DateTime, minutes: number): number {
  if (minutes === 24 * 60) return date.plus({ days: 1 }).startOf('day').toMillis()
  return date.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis()
}

export class CalendarClock {
  readonly zone: string
  private readonly ranges: Map<number, [number, number][]>
  private readonly fixed: Set<string>
  private readonly yearly: Set<string>

  constructor(calendar: BusinessCalendar) {
    this.zone = calendar.timeZone
    this.ranges = new Map()
    WEEKDAYS.forEach((day, index) => {
      const parsed = (calendar.hours[day] ?? []).map(parseRange).filter((r) => r !== null)
      this.ranges.set(
        index + 1,
        parsed.sort((a, b) => a[0] - b[0])
      )
    })
    this.fixed = new Set(calendar.holidays.filter((h) => DATE.test(h)))
    this.yearly = new Set(calendar.holidays.filter((h) => YEARLY.test(h)).map((h) => h.slice(2)))
  }

  /** Why a local date is not worked, or null when it is a working day. */
  closedReason(date: DateTime): 'holiday' | 'closed' | null {
    if (this.fixed.has(date.toISODate()!) || this.yearly.has(date.toFormat('MM-dd')))
      return 'holiday'
    return (this.ranges.get(date.weekday) ?? []).length === 0 ? 'closed' : null
  }

  /** The working intervals of a local date (empty on holidays and closed days). */
  day(date: DateTime): WorkingDay {
    if (this.closedReason(date) !== null) return { date, intervals: [] }
    const intervals: Interval[] = []
    for (const [s, e] of this.ranges.get(date.weekday) ?? []) {
      const start = at(date, s)
      const end = at(date, e)
      // A DST jump can swallow a range (or part of it): keep what exists.
      const last = intervals.at(-1)
      const from = Math.max(start, last?.end ?? start)
      if (end > from) intervals.push({ start: from, end })
    }
    return { date, intervals }
  }

  /** Local midnight of the day holding `instant`. */
  dateOf(instant: number): DateTime {
    return DateTime.fromMillis(instant, { zone: this.zone }).startOf('day')
  }
}

export interface SkippedDay {
  /** Local date, "YYYY-MM-DD". */
  date: string
  reason: 'holiday' | 'closed'
}

/** How a due time was reached, for the process page. */
export interface DueExplanation {
  amount: number
  unit: WorkingUnit
  calendar: string
  timeZone: string
  /** The instant the count started from. */
  from: string
  /** The next opening when `from` was outside working hours, else `from`. */
  countingFrom: string
  due: string
  /** Days between the start and the due day that were not worked (holidays, closed weekdays). */
  skipped: SkippedDay[]
}

function iso(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true })!
}

/**
 * Adds a working duration to an instant in a calendar.
 *
 * @throws RangeError when the calendar has no working time within three
 *   years (a calendar that passed `calendarProblems` always has some unless
 *   every working day is a holiday).
 */
export function addWorkingTime(
  calendar: BusinessCalendar,
  start: Date,
  amount: number,
  unit: WorkingUnit
): { dueAt: Date; explanation: DueExplanation } {
  const clock = new CalendarClock(calendar)
  const startMs = start.getTime()
  const skipped: SkippedDay[] = []
  let date = clock.dateOf(startMs)
  let day = clock.day(date)
  let steps = 0
  const next = () => {
    if (++steps > MAX_SEARCH_DAYS) throw new RangeError('the calendar has no working time ahead.')
    const reason = clock.closedReason(date)
    if (reason) skipped.push({ date: date.toISODate()!, reason })
    date = date.plus({ days: 1 })
    day = clock.day(date)
  }
  // The first working instant at or after the start.
  let index = day.intervals.findIndex((i) => i.end > startMs)
  while (index === -1) {
    next()
    index = day.intervals.length ? 0 : -1
  }
  const counting = Math.max(startMs, day.intervals[index].start)

  let due: number
  if (unit === 'days') {
    // Working time elapsed in the day before `counting`.
    let offset = 0
    for (const i of day.intervals) offset += Math.max(0, Math.min(i.end, counting) - i.start)
    for (let n = 0; n < amount; n++) {
      do next()
      while (day.intervals.length === 0)
    }
    due = pointInDay(day.intervals, offset)
  } else {
    let rest = amount * (unit === 'hours' ? 3_600_000 : 60_000)
    let now = counting
    for (;;) {
      const interval = day.intervals[index]
      const available = interval.end - Math.max(now, interval.start)
      now = Math.max(now, interval.start)
      if (rest <= available) {
        due = now + rest
        break
      }
      rest -= available
      index++
      while (index >= day.intervals.length) {
        next()
        index = 0
      }
    }
  }
  const dueDate = clock.dateOf(due).toISODate()
  return {
    dueAt: new Date(due),
    explanation: {
      amount,
      unit,
      calendar: calendar.key,
      timeZone: clock.zone,
      from: iso(startMs, clock.zone),
      countingFrom: iso(counting, clock.zone),
      due: iso(due, clock.zone),
      skipped: skipped.filter((s) => s.date < dueDate!),
    },
  }
}

/** The instant `offset` ms of working time into a day's intervals (its close when the day is shorter). */
function pointInDay(intervals: Interval[], offset: number): number {
  let rest = offset
  for (const i of intervals) {
    if (rest < i.end - i.start) return i.start + rest
    rest -= i.end - i.start
  }
  return intervals.at(-1)!.end
}

/** Working time (ms) between two instants; 0 when `to` is not after `from`. */
export function workingTimeBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  const clock = new CalendarClock(calendar)
  let total = 0
  let date = clock.dateOf(from.getTime())
  for (let n = 0; date.toMillis() < to.getTime() && n <= MAX_SEARCH_DAYS; n++) {
    for (const i of clock.day(date).intervals) {
      total += Math.max(0, Math.min(i.end, to.getTime()) - Math.max(i.start, from.getTime()))
    }
    date = date.plus({ days: 1 })
  }
  return total
}
