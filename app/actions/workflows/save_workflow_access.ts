import db from '@adonisjs/lucid/services/db'
import type Workflow from '#models/workflow'
import type { AudienceEntry, RetentionPolicy, WorkflowAccess } from '#models/workflow'
import { InvalidInput } from '#exceptions/domain_error'
import { recordAudit } from '#actions/audit/record_audit'

const RIGHTS = ['start', 'see', 'work'] as const

type AccessInput = {
  start?: AudienceEntry[] | null
  see?: AudienceEntry[] | null
  work?: AudienceEntry[] | null
  calendar?: string | null
  retention?: RetentionPolicy | null
}

/** A workflow's access settings as the API and the designer show them (null list: everyone). */
export function accessOf(workflow: Workflow) {
  const access = workflow.access ?? {}
  return {
    start: access.start ?? null,
    see: access.see ?? null,
    work: access.work ?? null,
    calendar: workflow.calendarKey ?? null,
    retention: workflow.retention
      ? { archiveClosedAfterDays: workflow.retention.archiveClosedAfterDays }
      : null,
  }
}

/**
 * Replaces who may start, see and work on a workflow's processes (a list
 * left out or null: everyone; an empty list: admins only) and, when given,
 * the calendar its SLAs count in and its retention policy. Every team named must exist (422 per
 * entry otherwise). Stored on the workflow, not a version: it holds for
 * every version and from the next request on.
 */
export default class SaveWorkflowAccess {
  async handle(workflow: Workflow, input: AccessInput) {
    const named = RIGHTS.flatMap((right) =>
      (input[right] ?? []).flatMap((entry, index) =>
        'team' in entry ? [{ right, index, team: entry.team }] : []
      )
    )
    if (named.length) {
      const rows: { key: string }[] = await db
        .from('teams')
        .whereIn('key', [...new Set(named.map((n) => n.team))])
        .select('key')
      const known = new Set(rows.map((row) => row.key))
      const unknown = named.filter((n) => !known.has(n.team))
      if (unknown.length) {
        throw new InvalidInput(
          `No team has the key ${[...new Set(unknown.map((n) => n.team))].join(', ')}.`,
          unknown.map((n) => ({
            field: `${n.right}.${n.index}.team`,
            message: `No team has the key "${n.team}"`,
            code: 'unknown_team',
          }))
        )
      }
    }

    const access: WorkflowAccess = {}
    for (const right of RIGHTS) {
      const list = input[right]
      if (Array.isArray(list)) access[right] = dedupe(list)
    }
    const before = {
      access: workflow.access,
      calendar: workflow.calendarKey,
      retention: workflow.retention,
    }
    await db.transaction(async (trx) => {
      workflow.useTransaction(trx)
      workflow.access = Object.keys(access).length ? access : null
      if (input.calendar !== undefined) workflow.calendarKey = input.calendar
      if (input.retention !== undefined) workflow.retention = input.retention
      await workflow.save()
      await recordAudit(trx, {
        action: 'workflow.access_changed',
        subject: { type: 'workflow', id: workflow.id, label: workflow.key },
        before,
        after: {
          access: workflow.access,
          calendar: workflow.calendarKey,
          retention: workflow.retention,
        },
      })
    })
    return accessOf(workflow)
  }
}

function dedupe(list: AudienceEntry[]): AudienceEntry[] {
  const seen = new Set<string>()
  return list.filter((entry) => {
    const id = 'team' in entry ? `team:${entry.team}` : `role:${entry.role}`
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
}
