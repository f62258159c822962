import type { DateTime } from 'luxon'
import type { AlertCondition, AlertOperator, AlertState } from '#enums/alert_signal'

/**
 * The alert state machine, pure: whether a rule's condition holds for a
 * reading, and what that means for its state. An alert fires once when
 * the condition starts to hold (not at every evaluation), resolves once
 * when it stops, and does not fire again until `cooldownSeconds` after
 * its last firing.
 */

export type Condition = {
  condition: AlertCondition
  operator: AlertOperator
  /** Threshold rules: the value to compare with. Trend rules: the least value that may fire. */
  threshold: number
  /** Trend rules: the value is compared with factor × the earlier window's value. */
  trendFactor: number | null
}

export type Reading = {
  value: number
  /** Trend rules: the value of the same window `trendOffsetSeconds` earlier. */
  baseline?: number | null
}

export type Machine = {
  state: AlertState
  lastFiredAt: DateTime | null
  cooldownSeconds: number
}

export type Decision =
  | { change: 'fire' }
  | { change: 'resolve' }
  /** Holds, but the rule fired less than its cooldown ago. */
  | { change: null; suppressed: true }
  | { change: null; suppressed?: false }

export function compare(value: number, operator: AlertOperator, limit: number) {
  switch (operator) {
    case '>':
      return value > limit
    case '>=':
      return value >= limit
    case '<':
      return value < limit
    case '<=':
      return value <= limit
  }
}

/**
 * Threshold: `value <op> threshold`. Trend: `value <op> factor × baseline`
 * and, for rising trends (> or >=), the value is at least the threshold,
 * so 1 against 0 does not count as "twice as many".
 */
export function conditionHolds(rule: Condition, reading: Reading) {
  if (rule.condition === 'threshold') return compare(reading.value, rule.operator, rule.threshold)
  const baseline = reading.baseline ?? 0
  const limit = (rule.trendFactor ?? 1) * baseline
  const rising = rule.operator === '>' || rule.operator === '>='
  return (
    compare(reading.value, rule.operator, limit) && (!rising || reading.value >= rule.threshold)
  )
}

export function decide(machine: Machine, holds: boolean, now: DateTime): Decision {
  if (machine.state === 'firing') return holds ? { change: null } : { change: 'resolve' }
  if (!holds) return { change: null }
  const cooling =
    machine.lastFiredAt !== null &&
    now.diff(machine.lastFiredAt).as('seconds') < machine.cooldownSeconds
  return cooling ? { change: null, suppressed: true } : { change: 'fire' }
}
