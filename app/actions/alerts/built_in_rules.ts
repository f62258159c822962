import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { AlertChannels, AlertOperator, AlertSignal } from '#enums/alert_signal'
import { sqlTime } from '#support/sql_time'

type BuiltIn = {
  key: string
  name: string
  signal: AlertSignal
  operator: AlertOperator
  threshold: number
  windowSeconds: number
  cooldownSeconds: number
}

const ADMINS_IN_APP: AlertChannels = { emails: [], inAppRoles: ['admin'], webhookUrl: null }

/**
 * The rules every installation has, on by default, telling admins in-app.
 * Admins may change their thresholds and channels or turn them off, not
 * delete them.
 */
export const BUILT_IN_RULES: BuiltIn[] = [
  {
    key: 'outbox_backlog',
    name: 'Outbox oldest pending message',
    signal: 'outbox_oldest_pending_seconds',
    operator: '>',
    threshold: 60,
    windowSeconds: 60,
    cooldownSeconds: 900,
  },
  {
    key: 'failed_jobs',
    name: 'Failed jobs',
    signal: 'failed_jobs',
    operator: '>',
    threshold: 0,
    windowSeconds: 300,
    cooldownSeconds: 900,
  },
  {
    key: 'worker_heartbeat',
    name: 'Worker heartbeat missing',
    signal: 'worker_heartbeat_missing',
    operator: '>',
    threshold: 0,
    windowSeconds: 60,
    cooldownSeconds: 900,
  },
  {
    key: 'circuit_open',
    name: 'Circuit breaker open',
    signal: 'circuit_open_seconds',
    operator: '>',
    threshold: 300,
    windowSeconds: 300,
    cooldownSeconds: 900,
  },
  {
    key: 'stalled_processes',
    name: 'Processes past their SLA',
    signal: 'stalled_processes',
    operator: '>',
    threshold: 0,
    windowSeconds: 0,
    cooldownSeconds: 3600,
  },
]

/**
 * Inserts the built-in rules that are missing (a fresh install, or one
 * added by an upgrade); existing rows, with an admin's changes, are kept.
 */
export async function ensureBuiltInRules() {
  const existing = await db
    .from('alert_rules')
    .whereIn(
      'key',
      BUILT_IN_RULES.map((rule) => rule.key)
    )
    .select('key')
  const have = new Set(existing.map((row) => row.key as string))
  const missing = BUILT_IN_RULES.filter((rule) => !have.has(rule.key))
  if (!missing.length) return
  const now = sqlTime(DateTime.now())
  await db
    .table('alert_rules')
    .multiInsert(
      missing.map((rule) => ({
        key: rule.key,
        name: rule.name,
        signal: rule.signal,
        condition: 'threshold',
        operator: rule.operator,
        threshold: rule.threshold,
        window_seconds: rule.windowSeconds,
        cooldown_seconds: rule.cooldownSeconds,
        channels: JSON.stringify(ADMINS_IN_APP),
        enabled: true,
        built_in: true,
        state: 'ok',
        version: 0,
        created_at: now,
        updated_at: now,
      }))
    )
    .onConflict('key')
    .ignore()
}
