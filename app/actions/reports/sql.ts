/**
 * The few SQL expressions that differ between SQLite and MySQL/MariaDB,
 * and the filters every report applies to the processes it reads.
 */
import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { sqlTime } from '#support/sql_time'
import type { ReportParams } from '#actions/reports/types'

export type Dialect = {
  mysql: boolean
  /** Whole seconds from `a` to `b`. */
  seconds(a: string, b: string): string
  /** Integer division. */
  idiv(a: string, b: string): string
  /** Whole hours since the Unix epoch (an integer: cheap to group by). */
  hour(col: string): string
  /** A text member of a JSON text column. */
  jsonText(col: string, key: string): string
  /**
   * The `stage_visits` projection's checkpoint, when reports may read it:
   * visits of processes with no event past it come from the projection,
   * the others from the log. Absent: everything from the log.
   */
  projectedUpTo?: number
}

export function dialectOf(client: QueryClientContract): Dialect {
  const mysql = client.dialect.name.startsWith('mysql')
  return mysql
    ? {
        mysql,
        seconds: (a, b) => `TIMESTAMPDIFF(SECOND, ${a}, ${b})`,
        idiv: (a, b) => `((${a}) DIV (${b}))`,
        hour: (col) => `(UNIX_TIMESTAMP(${col}) DIV 3600)`,
        jsonText: (col, key) => `JSON_UNQUOTE(JSON_EXTRACT(${col}, '$.${key}'))`,
      }
    : {
        mysql,
        seconds: (a, b) => `CAST(ROUND((julianday(${b}) - julianday(${a})) * 86400) AS INTEGER)`,
        idiv: (a, b) => `((${a}) / (${b}))`,
        hour: (col) => `(CAST(strftime('%s', ${col}) AS INTEGER) / 3600)`,
        jsonText: (col, key) => `json_extract(${col}, '$.${key}')`,
      }
}

/** UTC instants bounding what a query reads, [start, end), as SQL times. */
export type SqlRange = { startSql: string; endSql: string }

/** The UTC instants bounding the local days of the parameters: [start, end). */
export function rangeOf(params: ReportParams) {
  const start = DateTime.fromISO(params.from, { zone: params.timezone }).startOf('day')
  const end = DateTime.fromISO(params.to, { zone: params.timezone })
    .plus({ days: 1 })
    .startOf('day')
  return { start, end, startSql: sqlTime(start)!, endSql: sqlTime(end)! }
}

/**
 * `AND …` conditions on processes aliased `p`, with their bindings.
 */
export function processFilter(params: ReportParams) {
  const sql: string[] = []
  const bindings: unknown[] = []
  if (params.workflowId) {
    sql.push('AND p.workflow_id = ?')
    bindings.push(params.workflowId)
  }
  if (params.hiddenWorkflows?.length) {
    sql.push(`AND p.workflow_id NOT IN (${params.hiddenWorkflows.map(() => '?').join(', ')})`)
    bindings.push(...params.hiddenWorkflows)
  }
  if (params.versionId) {
    sql.push('AND p.workflow_version_id = ?')
    bindings.push(params.versionId)
  }
  if (params.assigneeId) {
    sql.push('AND p.assignee_id = ?')
    bindings.push(params.assigneeId)
  }
  if (params.role) {
    sql.push('AND p.assignee_id IN (SELECT u.id FROM users u WHERE u.role = ?)')
    bindings.push(params.role)
  }
  return { sql: sql.join(' '), bindings }
}

/**
 * Stage visits, one row per event that put a process into a stage, with
 * when it left (the next stage-changing event: a transition, migration or
 * cancellation). `left_at` is null while the process
 * still sits there, and for the end stage of a closed process.
 * Decision stages are no visits: a process passes through one in the
 * instant of the command that entered it, so the entering event is left
 * out, and the visit before ends when the route event (same time) begins.
 * With `d.projectedUpTo`, processes whose events are all at or below the
 * checkpoint are read from the `stage_visits` projection (same rows, no
 * window over the log) and only the others from the log; the process
 * columns (version, status, filters) are read live from `processes` either way.
 * `working` is the projected `working_seconds`, null for visits read from the log.
 */
export function visitsCte(d: Dialect, params: ReportParams) {
  const filter = processFilter(params)
  if (d.projectedUpTo === undefined) {
    return {
      sql: `ev AS (${logEvents(filter.sql, '')}), visits AS (${logVisits(d)})`,
      bindings: filter.bindings,
    }
  }
  // The processes with an event the projector may not have read yet.
  const tail = 'SELECT t.process_id FROM process_events t WHERE t.id > ?'
  return {
    sql: `ev AS (${logEvents(filter.sql, `AND e.process_id IN (${tail})`)}), visits AS (
      SELECT sv.process_id, sv.stage_key AS stage, sv.entered_at, sv.left_at, p.workflow_version_id,
        p.status, sv.duration_seconds AS dur, sv.working_seconds AS working, p.workflow_id
      FROM stage_visits sv
      JOIN processes p ON p.id = sv.process_id
      WHERE sv.process_id NOT IN (${tail}) ${filter.sql}
      UNION ALL
      ${logVisits(d)}
    )`,
    bindings: [...filter.bindings, d.projectedUpTo, d.projectedUpTo, ...filter.bindings],
  }
}

/**
 * Only the visits `visitsCte` reads from the log (all of them without a
 * checkpoint), for what SQL cannot compute over them: their `working` is
 * null, the working time is computed in JavaScript (#actions/projections/working_seconds).
 * `ids` limits them to processes with ids in (after, upTo] (batches bound the rows in memory).
 */
export function logVisitsCte(
  d: Dialect,
  params: ReportParams,
  ids?: { after: number; upTo: number }
) {
  const filter = processFilter(params)
  const scope = [
    d.projectedUpTo === undefined
      ? ''
      : 'AND e.process_id IN (SELECT t.process_id FROM process_events t WHERE t.id > ?)',
    ids ? 'AND e.process_id > ? AND e.process_id <= ?' : '',
  ].join(' ')
  return {
    sql: `ev AS (${logEvents(filter.sql, scope)}), visits AS (${logVisits(d)})`,
    bindings: [
      ...filter.bindings,
      ...(d.projectedUpTo === undefined ? [] : [d.projectedUpTo]),
      ...(ids ? [ids.after, ids.upTo] : []),
    ],
  }
}

function logEvents(filterSql: string, scopeSql: string) {
  return `
      SELECT e.process_id, e.type, e.to_stage AS stage, e.occurred_at AS entered_at,
        LEAD(e.occurred_at) OVER (PARTITION BY e.process_id ORDER BY e.sequence) AS left_at,
        p.workflow_version_id, p.status, p.workflow_id
      FROM process_events e
      JOIN processes p ON p.id = e.process_id
      WHERE e.type IN ('started', 'transitioned', 'migrated', 'cancelled') ${filterSql} ${scopeSql}
        AND NOT EXISTS (SELECT 1 FROM workflow_stages ds WHERE ds.workflow_version_id = p.workflow_version_id
          AND ds.key = e.to_stage AND ds.type = 'decision')
    `
}

function logVisits(d: Dialect) {
  return `
      SELECT process_id, stage, entered_at, left_at, workflow_version_id, status,
        ${d.seconds('entered_at', 'left_at')} AS dur, NULL AS working, workflow_id
      FROM ev WHERE type <> 'cancelled' AND stage IS NOT NULL`
}

/**
 * Nearest-rank percentile p (integer %) of `value` within a partition of
 * `n` rows numbered by `rn` in ascending order, as an aggregate column.
 */
export function percentile(d: Dialect, p: number, value = 'dur') {
  return `MAX(CASE WHEN rn = ${d.idiv(`${p} * n + 99`, '100')} THEN ${value} END)`
}

export function rowsOf(result: any): any[] {
  // SQLite answers an array; mysql2 answers [rows, fields].
  return Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result
}

export async function raw(client: QueryClientContract, sql: string, bindings: unknown[]) {
  return rowsOf(await client.rawQuery(sql, bindings as any[]))
}
