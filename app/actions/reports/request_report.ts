import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import ReportRun from '#models/report_run'
import { sqlTime } from '#support/sql_time'
import { paramsHash } from '#actions/reports/normalize_report_params'
import type { ReportKind, ReportParams } from '#actions/reports/types'

/** A finished run with the same parameters younger than this is reused. */
export const REUSE_MINUTES = 15

/**
 * Creates a report run and its outbox message in one transaction (a
 * worker on the `reports` queue computes it), or answers a recent
 * identical run (pending, running, or completed within REUSE_MINUTES).
 */
export default class RequestReport {
  async handle(params: {
    kind: ReportKind
    params: ReportParams
    requestedBy: number | null
    scheduleId?: number | null
    /** Scheduled reports always compute afresh. */
    reuse?: boolean
  }): Promise<{ run: ReportRun; reused: boolean }> {
    const hash = paramsHash(params.kind, params.params)
    if (params.reuse !== false) {
      const recent = await ReportRun.query()
        .where('params_hash', hash)
        .where((q) =>
          q
            .whereIn('status', ['pending', 'running'])
            .orWhere((done) =>
              done
                .where('status', 'completed')
                .where(
                  'finished_at',
                  '>=',
                  sqlTime(DateTime.now().minus({ minutes: REUSE_MINUTES }))!
                )
            )
        )
        .orderBy('id', 'desc')
        .first()
      if (recent) return { run: recent, reused: true }
    }

    const run = await db.transaction(async (trx) => {
      const created = await ReportRun.create(
        {
          kind: params.kind,
          params: params.params,
          paramsHash: hash,
          status: 'pending',
          progress: 0,
          result: null,
          error: null,
          requestedBy: params.requestedBy,
          scheduleId: params.scheduleId ?? null,
        },
        { client: trx }
      )
      const now = sqlTime(DateTime.now())
      await trx.table('outbox_messages').insert({
        topic: 'report.requested',
        queue: 'reports',
        payload: JSON.stringify({ runId: created.id }),
        status: 'pending',
        attempts: 0,
        available_at: now,
        created_at: now,
      })
      return created
    })
    return { run, reused: false }
  }
}
