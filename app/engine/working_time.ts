/**
 * Working time between many pairs of instants in one calendar, as
 * `workingTimeBetween` gives it, without luxon on every call: the projector
 * measures every visit that closes, and most visits of a calendar share
 * their days. Pure (the memo lives in the returned function).
 */
import type { DateTime } from 'luxon'
import {
  CalendarClock,
  MAX_SEARCH_DAYS,
  type BusinessCalendar,
  type Interval,
} from '#engine/calendar'

interface Day {
  /** The local date as `workingTimeBetween` walks it (its instant, and the day after it). */
  date: DateTime
  at: number
  intervals: Interval[]
  next?: Day
}

const HOUR = 3_600_000

/**
 * A function equal to `workingTimeBetween(calendar, from, to)` (ms) that
 * remembers the calendar's days: a measure costs map look-ups and a walk
 * over the days it spans, not luxon per day. It walks the same days
 * (`dateOf(from)`, then `plus({ days: 1 })`) with the same cap, so the
 * figures are identical; `tests/unit/engine/calendar.spec.ts` checks it.
 * Memory grows with the hours and days measured (a few per day of history).
 */
export function workingTimeMeter(calendar: BusinessCalendar) {
  const clock = new CalendarClock(calendar)
  const days = new Map<number, Day>()
  /** Per UTC hour: the local day that hour starts in, and where that local date ends. */
  const hours = new Map<number, { day: Day; end: number }>()

  const dayOf = (date: DateTime): Day => {
    const at = date.toMillis()
    let day = days.get(at)
    if (!day) days.set(at, (day = { date, at, intervals: clock.day(date).intervals }))
    return day
  }
  const next = (day: Day) => (day.next ??= dayOf(day.date.plus({ days: 1 })))
  /** `dateOf(instant)` as a memoized day: instants of one local date share it. */
  const first = (instant: number): Day => {
    const hour = Math.floor(instant / HOUR)
    const cached = hours.get(hour)
    if (cached && instant >= cached.day.at && instant < cached.end) return cached.day
    const date = clock.dateOf(instant)
    const entry = { day: dayOf(date), end: date.endOf('day').toMillis() + 1 }
    // Keyed by the hour's start: an hour split by local midnight (half-hour zones) is looked up again.
    if (date.toMillis() <= hour * HOUR) hours.set(hour, entry)
    return entry.day
  }

  return (from: Date, to: Date): number => {
    const start = from.getTime()
    const end = to.getTime()
    let total = 0
    let day = first(start)
    for (let n = 0; day.at < end && n <= MAX_SEARCH_DAYS; n++) {
      for (const i of day.intervals) {
        total += Math.max(0, Math.min(i.end, end) - Math.max(i.start, start))
      }
      day = next(day)
    }
    return total
  }
}
