import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import AlertRule from '#models/alert_rule'
import { DomainError } from '#exceptions/domain_error'
import type { AlertCondition, AlertOperator, AlertSignal, AlertChannels } from '#enums/alert_signal'
import { emailList } from '#enums/alert_signal'
import type { Role } from '#enums/role'
import { sqlTime } from '#support/sql_time'
import { recordAudit } from '#actions/audit/record_audit'

export type AlertRuleInput = {
  name: string
  signal: AlertSignal
  condition: AlertCondition
  operator: AlertOperator
  threshold: number
  trendFactor?: number
  trendOffsetSeconds?: number
  windowSeconds: number
  cooldownSeconds: number
  emails?: string
  inAppRoles?: Role[]
  webhookUrl?: string
}

export class BuiltInRuleKept extends DomainError {
  constructor() {
    super('Built-in rules can be turned off, not deleted.', {
      status: 422,
      code: 'built_in_rule',
    })
  }
}

function columnsOf(input: AlertRuleInput) {
  const channels: AlertChannels = {
    emails: [...new Set(emailList(input.emails).map((a) => a.toLowerCase()))],
    inAppRoles: [...new Set(input.inAppRoles ?? [])],
    webhookUrl: input.webhookUrl || null,
  }
  const trend = input.condition === 'trend'
  return {
    name: input.name,
    signal: input.signal,
    condition: input.condition,
    operator: input.operator,
    threshold: input.threshold,
    trendFactor: trend ? (input.trendFactor ?? null) : null,
    trendOffsetSeconds: trend ? (input.trendOffsetSeconds ?? null) : null,
    windowSeconds: input.windowSeconds,
    cooldownSeconds: input.cooldownSeconds,
    channels,
  }
}

const subjectOf = (rule: AlertRule) => ({ type: 'alert_rule', id: rule.id, label: rule.name })

/** What an audit entry keeps of a rule (not its evaluation state). */
function auditedColumns(rule: AlertRule) {
  return {
    name: rule.name,
    signal: rule.signal,
    condition: rule.condition,
    operator: rule.operator,
    threshold: rule.threshold,
    windowSeconds: rule.windowSeconds,
    cooldownSeconds: rule.cooldownSeconds,
    enabled: rule.enabled,
    channels: rule.channels,
  }
}

/**
 * Creates, changes, turns on or off and deletes alert rules. A rule's
 * state (ok / firing) belongs to the evaluator; a change here keeps it,
 * so the next evaluation judges the new condition (and resolves the
 * alert if it no longer holds). Turning a firing rule off closes its
 * open firing, without telling anyone. Each act is audited
 * (`alert_rule.created|updated|enabled|disabled|deleted`) in its transaction.
 */
export default class SaveAlertRule {
  async create(input: AlertRuleInput) {
    return db.transaction(async (trx) => {
      const rule = await AlertRule.create(
        {
          ...columnsOf(input),
          key: `custom-${randomUUID().slice(0, 8)}`,
          enabled: true,
          builtIn: false,
          state: 'ok',
          version: 0,
        },
        { client: trx }
      )
      await recordAudit(trx, {
        action: 'alert_rule.created',
        subject: subjectOf(rule),
        after: auditedColumns(rule),
      })
      return rule
    })
  }

  async update(rule: AlertRule, input: AlertRuleInput) {
    // A built-in rule keeps its signal: its key names what it watches.
    const columns = columnsOf(rule.builtIn ? { ...input, signal: rule.signal } : input)
    const before = auditedColumns(rule)
    await db.transaction(async (trx) => {
      rule.useTransaction(trx)
      rule.merge(columns)
      await rule.save()
      await recordAudit(trx, {
        action: 'alert_rule.updated',
        subject: subjectOf(rule),
        before,
        after: auditedColumns(rule),
      })
    })
    return rule
  }

  async setEnabled(rule: AlertRule, enabled: boolean) {
    await db.transaction(async (trx) => {
      const now = sqlTime(DateTime.now())
      const changes: Record<string, unknown> = { enabled, updated_at: now }
      if (!enabled && rule.state === 'firing') {
        Object.assign(changes, { state: 'ok', firing_since: null, last_resolved_at: now })
        await trx
          .from('alert_events')
          .where('rule_id', rule.id)
          .whereNull('resolved_at')
          .update({ resolved_at: now })
      }
      await trx
        .from('alert_rules')
        .where('id', rule.id)
        .update({ ...changes, version: db.raw('version + 1') })
      await recordAudit(trx, {
        action: enabled ? 'alert_rule.enabled' : 'alert_rule.disabled',
        subject: subjectOf(rule),
        before: { enabled: rule.enabled },
        after: { enabled },
      })
    })
    await rule.refresh()
    return rule
  }

  async delete(rule: AlertRule) {
    if (rule.builtIn) throw new BuiltInRuleKept()
    await db.transaction(async (trx) => {
      rule.useTransaction(trx)
      await rule.delete()
      await recordAudit(trx, {
        action: 'alert_rule.deleted',
        subject: subjectOf(rule),
        before: auditedColumns(rule),
      })
    })
  }
}
