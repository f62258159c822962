import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { dialectOf } from '#actions/reports/sql'
import { readCheckpoint } from '#actions/projections/stage_visits_projector'
import type { ProgressFn, ReportKind, ReportParams, ReportResult } from '#actions/reports/types'
import type { ReportContext, ReportParts } from '#actions/reports/kinds/context'
import { EXACT_PERCENTILE_LIMIT, rollupCut } from '#actions/reports/rollups'
import throughput from '#actions/reports/kinds/throughput'
import cycleTime from '#actions/reports/kinds/cycle_time'
import sla from '#actions/reports/kinds/sla'
import wip from '#actions/reports/kinds/wip'
import workload from '#actions/reports/kinds/workload'

/**
 * One function per report kind (`kinds/<kind>.ts`). A new kind is a member
 * of `ReportKind`, its file and an entry here; the compiler finds the rest.
 */
const REPORTS: Record<ReportKind, (ctx: ReportContext) => Promise<ReportParts>> = {
  throughput,
  cycle_time: cycleTime,
  sla,
  wip,
  workload,
}

/**
 * Computes one report with SQL aggregation (window functions for stage
 * visits and nearest-rank percentiles): only aggregated rows come back to
 * JavaScript, never the events themselves. With the projection's
 * checkpoint, whole hours the projector has covered come from the hourly
 * rollups and only the rest of the range from the visits. Runs in a worker.
 */
export default class ComputeReport {
  async handle(input: {
    kind: ReportKind
    params: ReportParams
    now?: DateTime
    client?: QueryClientContract
    progress?: ProgressFn
    /** `log`: stage visits from the event log even when the projection is there. */
    source?: 'projection' | 'log'
    /** Percentiles over more values than this come from the rollup histograms. */
    exactPercentileLimit?: number
    /** false: the projection without its rollups (for comparison in bench:reports). */
    rollups?: boolean
  }): Promise<ReportResult> {
    const client = input.client ?? db.connection()
    const checkpoint = input.source === 'log' ? null : await readCheckpoint(client)
    const ctx: ReportContext = {
      client,
      d: { ...dialectOf(client), ...(checkpoint ? { projectedUpTo: checkpoint.position } : {}) },
      params: input.params,
      now: input.now ?? DateTime.utc(),
      progress: input.progress ?? (async () => {}),
      exactPercentileLimit: input.exactPercentileLimit ?? EXACT_PERCENTILE_LIMIT,
      ...(checkpoint && input.rollups !== false
        ? { rollupCut: await rollupCut(client, checkpoint.position) }
        : {}),
    }
    const parts = await REPORTS[input.kind](ctx)
    await ctx.progress(100)
    return { kind: input.kind, asOf: ctx.now.toUTC().toISO()!, ...parts }
  }
}
