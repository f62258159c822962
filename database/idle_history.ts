import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { RawQueryBindings } from '@adonisjs/lucid/types/querybuilder'
import { STAGE_VISITS } from '#actions/projections/stage_visits_projector'

/**
 * Fills a MariaDB database (its sequence engine: `seq_1_to_N`) with a
 * large history in which nothing is due: active processes whose deadlines
 * and timers are days ahead, closed ones, their events and sent outbox
 * messages, live sessions. For the periodic jobs' bench and their EXPLAIN
 * test: on it, every periodic job should read next to nothing.
 */
export async function fillIdleHistory(
  client: QueryClientContract,
  options: {
    processes: number
    workflowId: number
    versionId: number
    userId: number
    stage: string
    eventsPerProcess?: number
    chunk?: number
    onProgress?: (done: number) => void
  }
) {
  const events = options.eventsPerProcess ?? 3
  const chunk = options.chunk ?? 50_000
  const q = (sql: string, bindings: RawQueryBindings = []) => client.rawQuery(sql, bindings)
  const [[{ base }]] = await q('SELECT COALESCE(MAX(id), 0) AS base FROM processes')
  for (let from = 1; from <= options.processes; from += chunk) {
    const to = Math.min(options.processes, from + chunk - 1)
    const first = Number(base) + from
    // One in five closed long ago; the rest active, due 1 to 30 days ahead.
    await q(
      `INSERT INTO processes (id, workflow_id, workflow_version_id, reference, title, data, stage_key,
         status, priority, creator_id, assignee_id, due_at, sla_breached, version, stage_entered_at,
         created_at, updated_at, closed_at)
       SELECT ? + seq, ?, ?, CONCAT('IDLE-', ? + seq), CONCAT('Idle ', seq), '{}', ?,
         IF(seq % 5 = 0, 'completed', 'active'), 'normal', ?, ?,
         IF(seq % 5 = 0, NULL, UTC_TIMESTAMP() + INTERVAL (1 + seq % 30) DAY), 0, ?,
         UTC_TIMESTAMP() - INTERVAL 1 DAY,
         UTC_TIMESTAMP() - INTERVAL (2 + seq % 365) DAY, UTC_TIMESTAMP() - INTERVAL 1 DAY,
         IF(seq % 5 = 0, UTC_TIMESTAMP() - INTERVAL 1 DAY, NULL)
       FROM seq_${from}_to_${to}`,
      [
        first - from,
        options.workflowId,
        options.versionId,
        first - from,
        options.stage,
        options.userId,
        options.userId,
        events,
      ]
    )
    const ids = [first, first + (to - from)]
    await q(
      `INSERT INTO process_events (process_id, sequence, type, from_stage, to_stage, actor_id,
         payload, occurred_at)
       SELECT p.id, s.seq, IF(s.seq = 1, 'started', 'transitioned'), NULL, p.stage_key, ?, '{}',
         p.created_at + INTERVAL s.seq HOUR
       FROM processes p JOIN seq_1_to_${events} s
       WHERE p.id BETWEEN ? AND ?`,
      [options.userId, ...ids]
    )
    await q(
      `INSERT INTO outbox_messages (process_id, event_id, topic, queue, payload, status, attempts,
         available_at, created_at, sent_at)
       SELECT e.process_id, e.id, CONCAT('process.', e.type), 'notifications', '{}', 'sent', 0,
         e.occurred_at, e.occurred_at, e.occurred_at
       FROM process_events e WHERE e.process_id BETWEEN ? AND ?`,
      ids
    )
    await q(
      `INSERT INTO process_timers (process_id, kind, \`key\`, stage, entered_version, due_at,
         payload, attempts)
       SELECT p.id, 'sla', '', p.stage_key, p.version, p.due_at,
         CONCAT('{"processId":', p.id, ',"stage":"', p.stage_key, '","enteredVersion":', p.version, '}'), 0
       FROM processes p WHERE p.id BETWEEN ? AND ? AND p.status = 'active'`,
      ids
    )
    await q(
      `INSERT INTO sessions (id, data, user_id, expires_at)
       SELECT CONCAT('idle-', ? + seq), '{}', NULL, UTC_TIMESTAMP() + INTERVAL 1 DAY
       FROM seq_${from}_to_${to} WHERE seq % 100 = 0`,
      [first - from]
    )
    options.onProgress?.(to)
  }
  for (const table of [
    'processes',
    'process_events',
    'outbox_messages',
    'process_timers',
    'sessions',
  ]) {
    await q(`ANALYZE TABLE ${table}`)
  }
}

/**
 * The rest of an idle history for the periodic jobs: a retention policy on
 * the workflow (with nothing closed long enough ago), an archive bundle of
 * `stubs` archived processes whose live rows are long purged (nothing to
 * purge), and the stage-visits projector past its checkpoint with nothing
 * new since.
 */
export async function fillIdleArchive(
  client: QueryClientContract,
  options: { workflowId: number; stubs: number; firstStubId: number }
) {
  await client
    .from('workflows')
    .where('id', options.workflowId)
    .update({ retention: JSON.stringify({ archiveClosedAfterDays: 30 }) })
  const [bundle] = await client.table('archive_bundles').insert({
    name: `archives/idle-${options.workflowId}/2020-01.jsonl.gz`,
    workflow_id: options.workflowId,
    month: '2020-01',
    process_count: options.stubs,
    event_count: options.stubs,
    line_count: options.stubs + 1,
    first_hash: '0'.repeat(64),
    last_hash: '0'.repeat(64),
    sha256: '0'.repeat(64),
    bytes: 1,
    created_at: '2020-02-01 00:00:00',
  })
  await client.rawQuery(
    `INSERT INTO archived_processes (process_id, workflow_id, reference, title, status, stage_key,
       event_count, created_at, closed_at, bundle_id, archived_at, purged_at)
     SELECT ? + seq, ?, CONCAT('OLD-', seq), 'Old', 'completed', 'done', 1,
       '2020-01-01 00:00:00', '2020-01-02 00:00:00', ?, '2020-02-01 00:00:00', '2020-02-01 00:00:00'
     FROM seq_1_to_${Math.max(1, Math.floor(options.stubs))}`,
    [options.firstStubId, options.workflowId, bundle]
  )
  const [{ max }] = await client.from('process_events').max('id as max')
  await client.table('projection_checkpoints').insert({
    name: STAGE_VISITS,
    position: Number(max),
    seen_max: Number(max),
    seen_count: 0,
  })
}
