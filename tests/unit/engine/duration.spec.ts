import { test } from '@japa/runner'
import fc from 'fast-check'
import { describeDuration, formatDuration, isDuration, parseDuration } from '#engine/duration'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

test.group('Durations', () => {
  test('parses each unit', ({ assert }) => {
    assert.equal(parseDuration('30m'), 30 * MINUTE)
    assert.equal(parseDuration('2h'), 2 * HOUR)
    assert.equal(parseDuration('3d'), 3 * DAY)
    assert.equal(parseDuration('1w'), 7 * DAY)
  })

  test('returns null for anything else', ({ assert }) => {
    for (const input of [
      '',
      '0m',
      '05m',
      '1.5h',
      '-1d',
      '2 h',
      ' 2h',
      '2H',
      '2',
      'h',
      '2s',
      '1y',
      2,
      null,
    ]) {
      assert.isNull(parseDuration(input), `${JSON.stringify(input)} should be invalid`)
      assert.isFalse(isDuration(input))
    }
  })

  test('returns null when the value would not be exact', ({ assert }) => {
    assert.isNull(parseDuration(`${Number.MAX_SAFE_INTEGER}w`))
  })

  test('formats with the largest exact unit', ({ assert }) => {
    assert.equal(formatDuration(90 * MINUTE), '90m')
    assert.equal(formatDuration(2 * HOUR), '2h')
    assert.equal(formatDuration(36 * HOUR), '36h')
    assert.equal(formatDuration(14 * DAY), '2w')
    assert.equal(formatDuration(10 * DAY), '10d')
  })

  test('refuses to format what no duration string can express', ({ assert }) => {
    for (const ms of [0, -HOUR, 1500, Number.NaN, Infinity]) {
      assert.throws(() => formatDuration(ms), RangeError)
    }
  })

  test('format and parse are inverse', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (minutes) => {
        return parseDuration(formatDuration(minutes * MINUTE)) === minutes * MINUTE
      })
    )
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.constantFrom('m', 'h', 'd', 'w'),
        (count, unit) => {
          const ms = parseDuration(`${count}${unit}`)
          return ms !== null && parseDuration(formatDuration(ms)) === ms
        }
      )
    )
  })

  test('describes durations for people', ({ assert }) => {
    assert.equal(describeDuration(DAY + 4 * HOUR + 5 * MINUTE), '1d 4h')
    assert.equal(describeDuration(DAY + 4 * HOUR + 5 * MINUTE, 3), '1d 4h 5m')
    assert.equal(describeDuration(-(2 * HOUR + 5 * MINUTE)), '-2h 5m')
    assert.equal(describeDuration(59_999), '0m')
    assert.equal(describeDuration(8 * DAY), '1w 1d')
    assert.equal(describeDuration(Number.NaN), '—')
  })
})
