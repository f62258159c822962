import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { nextRunAfter, scheduledRange } from '#actions/reports/schedule_report'

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' })

test.group('Report schedules: when the next e-mail goes out and what it covers', () => {
  test('daily: 07:00 local the same day if still ahead, otherwise the next day', ({ assert }) => {
    assert.equal(
      nextRunAfter('daily', 'America/Sao_Paulo', utc('2026-03-02T09:59:00Z')).toISO(),
      '2026-03-02T10:00:00.000Z'
    )
    assert.equal(
      nextRunAfter('daily', 'America/Sao_Paulo', utc('2026-03-02T10:00:00Z')).toISO(),
      '2026-03-03T10:00:00.000Z'
    )
  })

  test('weekly: Monday 07:00 local; across a daylight-saving change the local hour holds', ({
    assert,
  }) => {
    // Wednesday 2026-03-04 → Monday 2026-03-09, after the US switch to summer time on 03-08.
    const next = nextRunAfter('weekly', 'America/New_York', utc('2026-03-04T12:00:00Z'))
    assert.equal(next.toISO(), '2026-03-09T11:00:00.000Z')
    assert.equal(next.setZone('America/New_York').hour, 7)
  })

  test('a daily send covers the local day before; a weekly one the seven days before', ({
    assert,
  }) => {
    const at = utc('2026-03-09T11:00:00Z')
    assert.deepEqual(scheduledRange('daily', 'America/New_York', at), {
      from: '2026-03-08',
      to: '2026-03-08',
    })
    assert.deepEqual(scheduledRange('weekly', 'America/New_York', at), {
      from: '2026-03-02',
      to: '2026-03-08',
    })
  })
})
