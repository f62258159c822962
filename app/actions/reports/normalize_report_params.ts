import { createHash } from 'node:crypto'
import { DateTime, IANAZone } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { InvalidInput } from '#exceptions/domain_error'
import type { Role } from '#enums/role'
import type { ReportKind, ReportParams } from '#actions/reports/types'

/** The longest range one report covers (keeps buckets and rows bounded). */
const MAX_DAYS = 366

/**
 * Checks the form's filters against the data (the workflow and version
 * exist, the dates make a range in a real time zone) and returns the
 * parameters a run stores, in a canonical shape so identical requests
 * hash alike.
 */
export async function normalizeReportParams(
  input: {
    workflowId?: number | null
    version?: number | null
    from: string
    to: string
    timezone: string
    assigneeId?: number | null
    role?: Role | null
    granularity?: 'day' | 'week'
  },
  hiddenWorkflows: number[] = []
): Promise<ReportParams> {
  if (!IANAZone.isValidZone(input.timezone)) {
    throw new InvalidInput('Unknown time zone.', [
      { field: 'timezone', message: 'Choose a valid time zone' },
    ])
  }
  const from = DateTime.fromISO(input.from, { zone: input.timezone })
  const to = DateTime.fromISO(input.to, { zone: input.timezone })
  if (!from.isValid) throw fieldError('from', 'Enter a valid date')
  if (!to.isValid) throw fieldError('to', 'Enter a valid date')
  if (to < from) throw fieldError('to', 'The end date must not be before the start date')
  if (to.diff(from, 'days').days >= MAX_DAYS) {
    throw fieldError('to', `A report covers at most ${MAX_DAYS} days`)
  }

  let versionId: number | null = null
  if (input.workflowId) {
    const workflow = await db.from('workflows').where('id', input.workflowId).first()
    if (!workflow || hiddenWorkflows.includes(Number(workflow.id)))
      throw fieldError('workflowId', 'Unknown workflow')
    if (input.version) {
      const version = await db
        .from('workflow_versions')
        .where('workflow_id', input.workflowId)
        .where('number', input.version)
        .first()
      if (!version) throw fieldError('version', 'This workflow has no such version')
      versionId = version.id
    }
  } else if (input.version) {
    throw fieldError('version', 'Choose a workflow to pick one of its versions')
  }
  if (input.assigneeId) {
    const user = await db.from('users').where('id', input.assigneeId).first()
    if (!user) throw fieldError('assigneeId', 'Unknown user')
  }

  return {
    workflowId: input.workflowId ?? null,
    versionId,
    from: from.toISODate()!,
    to: to.toISODate()!,
    timezone: input.timezone,
    assigneeId: input.assigneeId ?? null,
    role: input.role ?? null,
    granularity: input.granularity ?? 'day',
    ...(hiddenWorkflows.length
      ? { hiddenWorkflows: [...hiddenWorkflows].sort((a, b) => a - b) }
      : {}),
  }
}

export function paramsHash(kind: ReportKind, params: ReportParams) {
  const ordered = Object.fromEntries(Object.entries(params).sort(([a], [b]) => a.localeCompare(b)))
  return createHash('sha256')
    .update(JSON.stringify([kind, ordered]))
    .digest('hex')
}

function fieldError(field: string, message: string) {
  return new InvalidInput(message, [{ field, message }])
}
