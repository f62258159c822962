/**
 * The SQL that derives the rows of `stage_visits` from the event log: the
 * same window as the reports' `visitsCte` (#actions/reports/sql), plus the
 * columns only the read model keeps (among them whether a finished visit
 * kept its SLA, by the SLA report's rule). `projections:verify` and the property
 * test (tests/functional/reports/projection_property.spec.ts) hold the two
 * to the same figures.
 */
import type { Dialect } from '#actions/reports/sql'

/**
 * Visits of the processes the `scope` condition (on events aliased `e` /
 * processes aliased `p`) selects, as rows with the columns of
 * `stage_visits`. Decision stages are no visits (see visitsCte).
 * `working_seconds` is null here: SQL cannot walk a business calendar, so
 * the projector and verify fill it in JavaScript (#actions/projections/working_seconds).
 */
export function projectedVisitsSql(d: Dialect, scope: string) {
  const assigneeAt = `(SELECT ${d.jsonText('a.payload', 'assigneeId')} FROM process_events a
      WHERE a.process_id = e.process_id AND a.type IN ('started', 'assigned') AND a.sequence <= e.sequence
      ORDER BY a.sequence DESC LIMIT 1)`
  return `SELECT process_id, sequence AS entered_sequence, workflow_id, workflow_version_id,
      stage AS stage_key, entered_at, left_at, ${d.seconds('entered_at', 'left_at')} AS duration_seconds,
      sla_due_at, NULL AS working_seconds,
      CASE WHEN assignee_raw IS NULL OR assignee_raw = 'null' THEN NULL
        ELSE CAST(assignee_raw AS ${d.mysql ? 'UNSIGNED' : 'INTEGER'}) END AS assignee_id,
      CASE WHEN next_type IS NOT NULL THEN next_type
        WHEN status = 'active' THEN NULL ELSE status END AS outcome,
      process_created_at, process_closed_at, status AS process_status,
      CASE WHEN left_at IS NULL OR (held_next IS NOT NULL AND held_next = stage) THEN NULL
        WHEN sla_due_at IS NOT NULL THEN
          CASE WHEN ${d.seconds('left_at', stampedDue(d, 'sla_due_at'))} >= 0 THEN 1 ELSE 0 END
        WHEN ${d.seconds('entered_at', 'left_at')} <= sla_wall THEN 1 ELSE 0 END AS sla_within
    FROM (
      SELECT e.process_id, e.sequence, e.type, e.to_stage AS stage, e.occurred_at AS entered_at,
        LEAD(e.occurred_at) OVER (PARTITION BY e.process_id ORDER BY e.sequence) AS left_at,
        LEAD(e.type) OVER (PARTITION BY e.process_id ORDER BY e.sequence) AS next_type,
        LEAD(${d.jsonText('e.payload', 'sla.held.stage')}) OVER (PARTITION BY e.process_id ORDER BY e.sequence) AS held_next,
        (SELECT ws.sla_minutes * 60 FROM workflow_stages ws
          WHERE ws.workflow_version_id = p.workflow_version_id AND ws.key = e.to_stage) AS sla_wall,
        p.workflow_id, p.workflow_version_id, p.status,
        p.created_at AS process_created_at, p.closed_at AS process_closed_at,
        ${d.jsonText('e.payload', 'sla.dueAt')} AS sla_due_at,
        ${assigneeAt} AS assignee_raw
      FROM process_events e
      JOIN processes p ON p.id = e.process_id
      WHERE e.type IN ('started', 'transitioned', 'migrated', 'cancelled') AND ${scope}
        AND NOT EXISTS (SELECT 1 FROM workflow_stages ds WHERE ds.workflow_version_id = p.workflow_version_id
          AND ds.key = e.to_stage AND ds.type = 'decision')
    ) ev
    WHERE type <> 'cancelled' AND stage IS NOT NULL`
}

export const STAGE_VISIT_COLUMNS = [
  'process_id',
  'entered_sequence',
  'workflow_id',
  'workflow_version_id',
  'stage_key',
  'entered_at',
  'left_at',
  'duration_seconds',
  'sla_due_at',
  'working_seconds',
  'assignee_id',
  'outcome',
  'process_created_at',
  'process_closed_at',
  'process_status',
  'sla_within',
] as const

/**
 * An ISO due time (text) as a SQL time comparable with `occurred_at`
 * (as the SLA report reads `payload.sla.dueAt`).
 */
export function stampedDue(d: Dialect, iso: string) {
  return d.mysql ? `CAST(REPLACE(REPLACE(${iso}, 'T', ' '), 'Z', '') AS DATETIME(3))` : iso
}
