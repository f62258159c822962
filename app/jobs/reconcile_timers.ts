import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { Job, type JobContext } from '#queue/job'
import queue from '#queue/queue_manager'
import { sqlTime } from '#support/sql_time'
import CheckSla from '#jobs/check_sla'
import RunAutomaticTransition from '#jobs/run_automatic_transition'

const ENTRY_EVENTS = ['started', 'transitioned', 'migrated']

/**
 * The safety net under the timers: finds processes whose SLA passed
 * without a breach being recorded, and processes overdue for an automatic
 * transition, and queues their checks again (job ids de-duplicate while a
 * check is pending; the checks themselves are idempotent). Timers are
 * never the only record: losing Redis's data loses no deadline.
 */
export default class ReconcileTimers extends Job<{ limit?: number }> {
  static jobName = 'reconcile_timers'
  static routine = true

  async handle(payload: { limit?: number }, context: JobContext) {
    const limit = payload.limit ?? 1000
    const now = DateTime.now()

    const overdue = await db
      .from('processes')
      .where('status', 'active')
      .where('sla_breached', false)
      .whereNotNull('due_at')
      .where('due_at', '<=', sqlTime(now)!)
      .select('id', 'stage_key', 'due_at')
      .limit(limit)
    const entries = await latestEntries(overdue.map((p) => p.id))
    for (const p of overdue) {
      const enteredVersion = entries.get(p.id)
      if (!enteredVersion) continue
      await queue.dispatch(
        CheckSla,
        {
          processId: p.id,
          stage: p.stage_key,
          enteredVersion,
          dueAt: new Date(p.due_at).toISOString(),
        },
        { jobId: `reconcile-sla-${p.id}-${enteredVersion}` }
      )
    }

    let automatic = 0
    const delays = await db
      .from('workflow_transitions')
      .whereNotNull('automatic_after_minutes')
      .distinct('automatic_after_minutes')
    for (const { automatic_after_minutes: minutes } of delays) {
      const due = await db
        .from('processes as p')
        .join('workflow_transitions as t', (join) => {
          join
            .on('t.workflow_version_id', '=', 'p.workflow_version_id')
            .andOn('t.from_stage', '=', 'p.stage_key')
        })
        .where('t.automatic_after_minutes', minutes)
        .where('p.status', 'active')
        .where('p.stage_entered_at', '<=', sqlTime(now.minus({ minutes: Number(minutes) }))!)
        .select('p.id', 'p.stage_key', 't.key as transition')
        .limit(limit)
      const dueEntries = await latestEntries(due.map((p) => p.id))
      for (const p of due) {
        const enteredVersion = dueEntries.get(p.id)
        if (!enteredVersion) continue
        automatic++
        await queue.dispatch(
          RunAutomaticTransition,
          { processId: p.id, stage: p.stage_key, enteredVersion, transition: p.transition },
          { jobId: `reconcile-auto-${p.id}-${enteredVersion}` }
        )
      }
    }
    if (overdue.length || automatic) {
      context.logger.info(
        { overdue: overdue.length, automatic },
        'reconciler re-queued missed timers'
      )
    }
  }
}

/** The sequence of the event that started each process's current stage visit. */
async function latestEntries(ids: number[]) {
  const result = new Map<number, number>()
  if (!ids.length) return result
  const rows = await db
    .from('process_events')
    .whereIn('process_id', ids)
    .whereIn('type', ENTRY_EVENTS)
    .groupBy('process_id')
    .select('process_id')
    .max('sequence as sequence')
  for (const row of rows) result.set(Number(row.process_id), Number(row.sequence))
  return result
}
