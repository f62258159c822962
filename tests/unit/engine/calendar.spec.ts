import { test } from '@japa/runner'
import fc from 'fast-check'
import { DateTime } from 'luxon'
import {
  DEFAULT_CALENDAR,
  WEEKDAYS,
  addWorkingTime,
  calendarProblems,
  workingTimeBetween,
  type BusinessCalendar,
  type WorkingUnit,
} from '#engine/calendar'
import { parseSlaDuration } from '#engine/duration'
import { workingTimeMeter } from '#engine/working_time'
import { dueOnEntry, holdClock, resumeClock } from '#engine/sla_clock'
import { verifyDefinition } from '#engine/verifier'

const weekdays = (ranges: string[]) =>
  Object.fromEntries(WEEKDAYS.slice(0, 5).map((d) => [d, ranges]))

const LISBON: BusinessCalendar = {
  key: 'lisbon',
  timeZone: 'Europe/Lisbon',
  hours: weekdays(['09:00-12:30', '13:30-18:00']),
  holidays: ['2026-12-08', '--12-25', '--01-01'],
}

/** A local wall time in a zone, as a Date. */
function local(zone: string, iso: string): Date {
  return DateTime.fromISO(iso, { zone }).toJSDate()
}
function inZone(zone: string, date: Date): string {
  return DateTime.fromJSDate(date, { zone }).toFormat("ccc yyyy-MM-dd'T'HH:mm")
}

test.group('Business calendar: adding working time (tables)', () => {
  const cases: [string, BusinessCalendar, string, number, WorkingUnit, string][] = [
    // [why, calendar, start (local), amount, unit, due (local)]
    ['within a day', DEFAULT_CALENDAR, '2026-12-07T10:00', 3, 'hours', 'Mon 2026-12-07T13:00'],
    [
      'ends exactly at the close',
      DEFAULT_CALENDAR,
      '2026-12-07T09:00',
      8,
      'hours',
      'Mon 2026-12-07T17:00',
    ],
    [
      'Friday afternoon spans the weekend',
      DEFAULT_CALENDAR,
      '2026-12-04T15:00',
      4,
      'hours',
      'Mon 2026-12-07T11:00',
    ],
    [
      'start before opening counts from it',
      DEFAULT_CALENDAR,
      '2026-12-07T06:30',
      30,
      'minutes',
      'Mon 2026-12-07T09:30',
    ],
    [
      'start after closing counts from the next opening',
      DEFAULT_CALENDAR,
      '2026-12-07T19:00',
      1,
      'hours',
      'Tue 2026-12-08T10:00',
    ],
    ['start on Saturday', DEFAULT_CALENDAR, '2026-12-05T11:00', 2, 'hours', 'Mon 2026-12-07T11:00'],
    [
      'days: same time N working days later',
      DEFAULT_CALENDAR,
      '2026-12-03T14:00',
      2,
      'days',
      'Mon 2026-12-07T14:00',
    ],
    [
      'days from outside hours: from the next opening',
      DEFAULT_CALENDAR,
      '2026-12-04T18:00',
      1,
      'days',
      'Tue 2026-12-08T09:00',
    ],
    ['lunch break is skipped', LISBON, '2026-12-07T12:00', 1, 'hours', 'Mon 2026-12-07T14:00'],
    [
      'fixed holiday skipped (Tue 8 Dec)',
      LISBON,
      '2026-12-07T17:00',
      2,
      'hours',
      'Wed 2026-12-09T10:00',
    ],
    [
      'days over Christmas and New Year',
      LISBON,
      '2026-12-24T15:00',
      2,
      'days',
      'Tue 2026-12-29T15:00',
    ],
  ]
  for (const [why, calendar, start, amount, unit, due] of cases) {
    test(why, ({ assert }) => {
      const result = addWorkingTime(calendar, local(calendar.timeZone, start), amount, unit)
      assert.equal(inZone(calendar.timeZone, result.dueAt), due)
    })
  }

  test('yearly holidays on 1 January make New Year’s Day no working day', ({ assert }) => {
    const result = addWorkingTime(LISBON, local('Europe/Lisbon', '2026-12-31T17:00'), 1, 'days')
    // Fri 1 Jan 2027 is a holiday: the next working day is Mon 4 Jan.
    assert.equal(inZone('Europe/Lisbon', result.dueAt), 'Mon 2027-01-04T17:00')
    assert.deepEqual(
      result.explanation.skipped.map((s) => [s.date, s.reason]),
      [
        ['2027-01-01', 'holiday'],
        ['2027-01-02', 'closed'],
        ['2027-01-03', 'closed'],
      ]
    )
  })

  test('explains a due time: 2 working days, Monday was a holiday', ({ assert }) => {
    const calendar = { ...DEFAULT_CALENDAR, holidays: ['2026-12-07'] }
    const { dueAt, explanation } = addWorkingTime(
      calendar,
      local('UTC', '2026-12-03T14:00'),
      2,
      'days'
    )
    assert.equal(inZone('UTC', dueAt), 'Tue 2026-12-08T14:00')
    assert.equal(explanation.unit, 'days')
    assert.equal(explanation.amount, 2)
    assert.deepInclude(explanation.skipped, { date: '2026-12-07', reason: 'holiday' })
    assert.equal(explanation.due, '2026-12-08T14:00:00Z')
  })

  test('a due day shorter than the start day clamps to its close', ({ assert }) => {
    const calendar: BusinessCalendar = {
      ...DEFAULT_CALENDAR,
      hours: { ...weekdays(['09:00-17:00']), fri: ['09:00-13:00'] },
    }
    const { dueAt } = addWorkingTime(calendar, local('UTC', '2026-12-03T16:00'), 1, 'days')
    assert.equal(inZone('UTC', dueAt), 'Fri 2026-12-04T13:00')
  })

  test('DST: working hours stay at the local wall time across the change', ({ assert }) => {
    const berlin = { ...DEFAULT_CALENDAR, timeZone: 'Europe/Berlin' }
    // Clocks go forward on Sun 29 March 2026; Friday 16:00 + 2h = Monday 10:00 local.
    const spring = addWorkingTime(berlin, local('Europe/Berlin', '2026-03-27T16:00'), 2, 'hours')
    assert.equal(inZone('Europe/Berlin', spring.dueAt), 'Mon 2026-03-30T10:00')
    // A calendar working through the night of the change loses the hour that does not exist.
    const nights = { ...berlin, hours: { sun: ['00:00-24:00'] } }
    const night = addWorkingTime(nights, local('Europe/Berlin', '2026-03-29T00:00'), 23, 'hours')
    assert.equal(inZone('Europe/Berlin', night.dueAt), 'Mon 2026-03-30T00:00')
  })

  test('half-hour time zones (Asia/Kolkata, Australia/Adelaide)', ({ assert }) => {
    const kolkata = { ...DEFAULT_CALENDAR, timeZone: 'Asia/Kolkata' }
    const due = addWorkingTime(kolkata, new Date('2026-12-04T10:00:00Z'), 2, 'hours')
    // 10:00Z = 15:30 IST Friday; 1.5h left Friday, 0.5h Monday.
    assert.equal(inZone('Asia/Kolkata', due.dueAt), 'Mon 2026-12-07T09:30')
    assert.equal(due.dueAt.toISOString(), '2026-12-07T04:00:00.000Z')
    const adelaide = { ...DEFAULT_CALENDAR, timeZone: 'Australia/Adelaide' }
    // DST ends Sun 5 April 2026 in Adelaide (+10:30 → +09:30).
    const over = addWorkingTime(
      adelaide,
      local('Australia/Adelaide', '2026-04-03T16:00'),
      1,
      'days'
    )
    assert.equal(inZone('Australia/Adelaide', over.dueAt), 'Mon 2026-04-06T16:00')
  })

  test('working time between two instants', ({ assert }) => {
    const ms = workingTimeBetween(
      DEFAULT_CALENDAR,
      local('UTC', '2026-12-04T16:00'),
      local('UTC', '2026-12-07T10:00')
    )
    assert.equal(ms, 2 * 3_600_000)
  })
})

test.group('Business calendar: validation', () => {
  test('names every wrong entry', ({ assert }) => {
    const problems = calendarProblems({
      timeZone: 'Mars/Olympus',
      hours: { mon: ['09:00-17:00', '16:00-18:00'], tue: ['17:00-09:00'], fun: [] },
      holidays: ['2026-02-30', '--13-01', '2026-12-25'],
    })
    assert.deepEqual(
      problems.map((p) => [p.field, p.code]),
      [
        ['timeZone', 'invalid_time_zone'],
        ['hours.mon.1', 'overlapping_ranges'],
        ['hours.tue.0', 'invalid_range'],
        ['hours.fun', 'invalid_weekday'],
        ['holidays.0', 'invalid_date'],
        ['holidays.1', 'invalid_date'],
      ]
    )
  })

  test('accepts touching ranges, 24:00 and yearly dates', ({ assert }) => {
    assert.deepEqual(
      calendarProblems({
        timeZone: 'Asia/Kolkata',
        hours: { sat: ['00:00-12:00', '12:00-24:00'] },
        holidays: ['--02-29', '2028-02-29'],
      }),
      []
    )
    assert.equal(
      calendarProblems({ timeZone: 'UTC', hours: {}, holidays: [] })[0].code,
      'no_working_hours'
    )
  })
})

test.group('SLA durations and the clock', () => {
  test('parses working units beside wall-clock ones', ({ assert }) => {
    assert.deepEqual(parseSlaDuration('2 working days'), { working: true, amount: 2, unit: 'days' })
    assert.deepEqual(parseSlaDuration('1 working day'), { working: true, amount: 1, unit: 'days' })
    assert.deepEqual(parseSlaDuration('16 working hours'), {
      working: true,
      amount: 16,
      unit: 'hours',
    })
    assert.deepEqual(parseSlaDuration('90 working minutes'), {
      working: true,
      amount: 90,
      unit: 'minutes',
    })
    assert.deepEqual(parseSlaDuration('3d'), { working: false, ms: 3 * 86_400_000 })
    for (const bad of [
      '0 working days',
      '2 working weeks',
      '2 workdays',
      ' 2 working days',
      '2.5 working hours',
    ]) {
      assert.isNull(parseSlaDuration(bad), bad)
    }
  })

  test('a paused clock resumes with the working time that was left', ({ assert }) => {
    const stage = { key: 'review', name: 'Review', type: 'task' as const, sla: '8 working hours' }
    const due = dueOnEntry(stage, local('UTC', '2026-12-07T09:00'))!.dueAt
    assert.equal(inZone('UTC', due), 'Mon 2026-12-07T17:00')
    // Paused at 13:00 with 4 working hours left; back on Wednesday 15:00.
    const held = holdClock(stage, due, false, local('UTC', '2026-12-07T13:00'))!
    assert.equal(held.remainingMs, 4 * 3_600_000)
    const resumed = resumeClock(held, local('UTC', '2026-12-09T15:00'))
    assert.equal(inZone('UTC', resumed.dueAt), 'Thu 2026-12-10T11:00')
  })
})

/** Random calendars: a time zone (incl. half-hour ones), 1–7 working weekdays, some holidays. */
const ZONES = [
  'UTC',
  'Europe/Lisbon',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Adelaide',
  'America/Sao_Paulo',
  'Pacific/Chatham',
]
const calendarArb = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    days: fc.subarray([...WEEKDAYS], { minLength: 1 }),
    start: fc.integer({ min: 0, max: 20 }),
    length: fc.integer({ min: 1, max: 4 }),
    split: fc.boolean(),
    holidays: fc.array(
      fc.date({
        min: new Date('2026-01-01T00:00:00Z'),
        max: new Date('2027-12-31T00:00:00Z'),
        noInvalidDate: true,
      }),
      { maxLength: 20 }
    ),
  })
  .map(({ timeZone, days, start, length, split, holidays }): BusinessCalendar => {
    const pad = (n: number) => String(n).padStart(2, '0')
    const end = Math.min(24, start + length)
    const ranges =
      split && end - start >= 2
        ? [
            `${pad(start)}:00-${pad(start + 1)}:00`,
            `${pad(start + 1)}:30-${end === 24 ? '24' : pad(end)}:00`,
          ]
        : [`${pad(start)}:00-${end === 24 ? '24' : pad(end)}:00`]
    return {
      key: 'random',
      timeZone,
      hours: Object.fromEntries(days.map((d) => [d, ranges])),
      holidays: holidays.map((h, i) =>
        i % 3 === 0 ? `--${h.toISOString().slice(5, 10)}` : h.toISOString().slice(0, 10)
      ),
    }
  })
const startArb = fc.date({
  min: new Date('2026-01-01T00:00:00Z'),
  max: new Date('2027-12-31T00:00:00Z'),
  noInvalidDate: true,
})
const unitArb = fc.constantFrom<WorkingUnit>('days', 'hours', 'minutes')

test.group('Business calendar: properties', () => {
  test('the calendars generated are valid', () => {
    fc.assert(fc.property(calendarArb, (calendar) => calendarProblems(calendar).length === 0))
  })

  test('a due time is never before the start and always inside working hours (or at a close)', () => {
    fc.assert(
      fc.property(
        calendarArb,
        startArb,
        fc.integer({ min: 1, max: 40 }),
        unitArb,
        (calendar, start, amount, unit) => {
          const { dueAt } = addWorkingTime(calendar, start, amount, unit)
          if (dueAt.getTime() <= start.getTime()) return false
          // The due time touches working time: the clock was running up to it,
          // or (whole working days from an opening) it is an opening.
          const minute = 60_000
          const before = workingTimeBetween(calendar, new Date(dueAt.getTime() - minute), dueAt)
          const after = workingTimeBetween(calendar, dueAt, new Date(dueAt.getTime() + minute))
          return before > 0 || (unit === 'days' && after > 0)
        }
      ),
      { numRuns: 300 }
    )
  })

  test('monotonic: a longer duration is never due earlier', () => {
    fc.assert(
      fc.property(
        calendarArb,
        startArb,
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 10 }),
        unitArb,
        (calendar, start, a, extra, unit) => {
          const shorter = addWorkingTime(calendar, start, a, unit).dueAt.getTime()
          const longer = addWorkingTime(calendar, start, a + extra, unit).dueAt.getTime()
          return longer > shorter
        }
      ),
      { numRuns: 300 }
    )
  })

  test('working hours and minutes are exact: the working time between start and due is the duration', () => {
    fc.assert(
      fc.property(
        calendarArb,
        startArb,
        fc.integer({ min: 1, max: 600 }),
        (calendar, start, minutes) => {
          const { dueAt } = addWorkingTime(calendar, start, minutes, 'minutes')
          return workingTimeBetween(calendar, start, dueAt) === minutes * 60_000
        }
      ),
      { numRuns: 300 }
    )
  })

  test('N working days land on the N-th working day after the first, never on a holiday', () => {
    fc.assert(
      fc.property(
        calendarArb,
        startArb,
        fc.integer({ min: 1, max: 10 }),
        (calendar, start, days) => {
          const { dueAt, explanation } = addWorkingTime(calendar, start, days, 'days')
          const dueDay = DateTime.fromJSDate(dueAt, { zone: calendar.timeZone })
          // A due instant that is a close at midnight belongs to the day before.
          const closeAtMidnight =
            dueDay.toMillis() === dueDay.startOf('day').toMillis() &&
            workingTimeBetween(calendar, new Date(dueAt.getTime() - 1), dueAt) > 0
          const day = (closeAtMidnight ? dueDay.minus({ days: 1 }) : dueDay).toISODate()!
          const isHoliday = calendar.holidays.some((h) => h === day || h === `--${day.slice(5)}`)
          return !isHoliday && explanation.skipped.every((s) => s.date < day)
        }
      ),
      { numRuns: 300 }
    )
  })
})

test.group('Business calendar: the memoized meter', () => {
  test('workingTimeMeter equals workingTimeBetween, call after call, in any zone', () => {
    fc.assert(
      fc.property(
        calendarArb,
        fc.array(
          fc.record({
            from: startArb,
            // Seconds to days and months (long visits), and a negative span.
            ms: fc.oneof(
              fc.integer({ min: -3_600_000, max: 0 }),
              fc.integer({ min: 0, max: 3 * 86_400_000 }),
              fc.integer({ min: 0, max: 120 * 86_400_000 })
            ),
          }),
          { minLength: 1, maxLength: 20 }
        ),
        (calendar, spans) => {
          const meter = workingTimeMeter(calendar)
          // Twice over: the second pass reads the memoized days.
          return [...spans, ...spans].every(({ from, ms }) => {
            const to = new Date(from.getTime() + ms)
            return meter(from, to) === workingTimeBetween(calendar, from, to)
          })
        }
      ),
      { numRuns: 150 }
    )
  })
})

test.group('Verifier: working SLAs and paused clocks', () => {
  const definition = (stage: Record<string, unknown>) => ({
    key: 'w',
    name: 'W',
    stages: [
      { key: 'open', name: 'Open', type: 'start', ...stage },
      { key: 'done', name: 'Done', type: 'end', outcome: 'completed' },
    ],
    transitions: [{ key: 'finish', from: 'open', to: 'done' }],
  })
  const codes = (stage: Record<string, unknown>) =>
    verifyDefinition(definition(stage)).problems.map((p) => [p.path, p.code])

  test('accepts working units and a paused clock; reports bad ones', ({ assert }) => {
    assert.deepEqual(codes({ sla: '2 working days' }), [])
    assert.deepEqual(codes({ sla: '16 working hours' }), [])
    assert.deepEqual(codes({ slaClock: 'paused' }), [])
    assert.deepEqual(codes({ sla: '2 working weeks' }), [['$.stages[0].sla', 'invalid_duration']])
    assert.deepEqual(codes({ slaClock: 'stopped' }), [
      ['$.stages[0].slaClock', 'invalid_sla_clock'],
    ])
    assert.deepEqual(codes({ slaClock: 'paused', sla: '1h' }), [
      ['$.stages[0].sla', 'sla_on_paused_stage'],
    ])
  })
})
