/*
|--------------------------------------------------------------------------
| Benchmark harness: a fresh MariaDB/MySQL database, the booted app, and
| two ways of moving a process (the engine, and raw mysql2)
|--------------------------------------------------------------------------
|
| Used by bench/engine_transitions.ts. Kept apart so that experiments (a
| variant of the write path in a scratch copy, a profile run) can reuse the
| same setup and the same measurements.
|
*/
import 'reflect-metadata'
import { randomBytes } from 'node:crypto'
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { Ignitor } from '@adonisjs/core'
import mysql from 'mysql2/promise'
import type { ResultSetHeader, RowDataPacket } from 'mysql2/promise'
import type { ApplicationService } from '@adonisjs/core/types'
import type { ActorRole } from '#engine/state_machine'
import type { WorkflowDefinition } from '#engine/definition'
import type Process from '#models/process'

export type DatabaseSettings = {
  database: string
  host: string
  port: number
  user: string
  password: string
}

/** Anything with the shape of TransitionProcess (the real one, or a scratch variant). */
export type TransitionAction = {
  handle(params: {
    process: Process
    transition: string
    expectedVersion: number
    actor: { id: number | null; role: ActorRole; email?: string }
  }): Promise<{ process: Process }>
}

type OutboxTemplate = {
  topic: string
  queue: string
  payload: Record<string, unknown>
  /** available_at − created_at. */
  delayMs: number
}

/** The values of `replacements` for the keys `payload` has. */
const pick = (payload: Record<string, unknown>, replacements: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(replacements).filter(([key]) => key in payload))

/** One transition of one process; each call moves it one step round the loop. */
export type Step = () => Promise<void>

export type Run = {
  opsPerSecond: number
  operations: number
  seconds: number
  capped: boolean
  /** CPU time of this Node process (user + system) per transition, in microseconds. */
  cpuMicros: number
}

/**
 * The workflow the processes go round: a purchase request between "draft"
 * and "review", either by guarded transitions (one event each) or by
 * transitions into a decision stage that routes on by amount (two events
 * each: the person's and the system's route).
 */
const BENCH_DEFINITION: WorkflowDefinition = {
  key: 'bench-purchase',
  name: 'Bench purchase',
  stages: [
    {
      key: 'draft',
      name: 'Draft',
      type: 'start',
      fields: [
        { key: 'amount', label: 'Amount (EUR)', type: 'number', required: true },
        { key: 'supplier', label: 'Supplier', type: 'text', required: true },
      ],
    },
    { key: 'review', name: 'Review', type: 'task', sla: '2d', assignee: { role: 'manager' } },
    {
      key: 'route_in',
      name: 'Route in',
      type: 'decision',
      routes: [{ when: 'data.amount <= 10000', transition: 'route_in__review' }],
      otherwise: 'route_in__rejected',
    },
    {
      key: 'route_out',
      name: 'Route out',
      type: 'decision',
      routes: [{ when: 'data.amount > 10000', transition: 'route_out__rejected' }],
      otherwise: 'route_out__draft',
    },
    { key: 'rejected', name: 'Rejected', type: 'end', outcome: 'cancelled' },
  ],
  transitions: [
    {
      key: 'submit',
      from: 'draft',
      to: 'review',
      when: 'data.amount < 2000',
      requires: ['amount'],
    },
    {
      key: 'send_back',
      from: 'review',
      to: 'draft',
      when: 'data.amount < 2000',
      roles: ['manager'],
    },
    { key: 'submit_routed', from: 'draft', to: 'route_in', requires: ['amount'] },
    { key: 'send_back_routed', from: 'review', to: 'route_out', roles: ['manager'] },
    { key: 'route_in__review', from: 'route_in', to: 'review' },
    { key: 'route_in__rejected', from: 'route_in', to: 'rejected' },
    { key: 'route_out__draft', from: 'route_out', to: 'draft' },
    { key: 'route_out__rejected', from: 'route_out', to: 'rejected' },
    { key: 'reject', from: 'review', to: 'rejected', roles: ['manager'] },
  ],
}

/** Which way round: the transition each stage takes, and the stage the process comes to rest in. */
export type Loop = 'guarded' | 'decision'
const LOOPS: Record<Loop, Record<string, { transition: string; to: string }>> = {
  // submit (draft → review) and send_back (review → draft), each guarded by `when`.
  guarded: {
    draft: { transition: 'submit', to: 'review' },
    review: { transition: 'send_back', to: 'draft' },
  },
  // The same moves through a decision stage each: two events per command.
  decision: {
    draft: { transition: 'submit_routed', to: 'review' },
    review: { transition: 'send_back_routed', to: 'draft' },
  },
}
/** The raw baseline does the guarded loop's SQL: one event per transition. */
const LOOP = LOOPS.guarded

export function databaseSettingsFromEnv(): DatabaseSettings {
  return {
    database: process.env.DB_DATABASE || 'stageflow_bench',
    host: process.env.DB_HOST || '127.0.0.1',
    port: Number(process.env.DB_PORT || 3306),
    user: process.env.DB_USER || 'root',
    password: process.env.DB_PASSWORD || '',
  }
}

const sqlTime = (date: Date | null) =>
  date ? date.toISOString().slice(0, 19).replace('T', ' ') : null
const sqlTimeMs = (date: Date) => date.toISOString().slice(0, 23).replace('T', ' ')

/**
 * Drops and creates the bench database, boots the app on it in the
 * console environment (no HTTP server, no in-process queue workers: those
 * start only in "web"), migrates, and publishes the bench purchase
 * workflow whose draft/review loops the processes go round.
 */
export async function openBench(settings: DatabaseSettings) {
  if (!/bench/.test(settings.database)) {
    throw new Error(`Refusing to reset "${settings.database}": the name must contain "bench".`)
  }
  const server = {
    host: settings.host,
    port: settings.port,
    user: settings.user,
    password: settings.password,
  }
  const admin = await mysql.createConnection(server)
  await admin.query(`DROP DATABASE IF EXISTS \`${settings.database}\``)
  await admin.query(
    `CREATE DATABASE \`${settings.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`
  )
  const [[variables]] = await admin.query<RowDataPacket[]>(
    'SELECT VERSION() AS version, @@innodb_flush_log_at_trx_commit AS flush'
  )
  await admin.end()

  const app = await bootApp(settings)
  const { default: db } = await import('@adonisjs/lucid/services/db')
  const { default: emitter } = await import('@adonisjs/core/services/emitter')
  const { MigrationRunner } = await import('@adonisjs/lucid/migration')
  const { default: User } = await import('#models/user')
  const { default: StartProcess } = await import('#actions/processes/start_process')
  const { default: TransitionProcess } = await import('#actions/processes/transition_process')
  const { default: SaveWorkflowDraft } = await import('#actions/workflows/save_workflow_draft')
  const { default: PublishWorkflow } = await import('#actions/workflows/publish_workflow')
  const { stageOf } = await import('#engine/state_machine')
  const { parseDuration } = await import('#engine/duration')

  const migrator = new MigrationRunner(db, app, { direction: 'up', connectionName: 'mysql' })
  await migrator.run()
  if (migrator.error) throw migrator.error

  const manager = await User.create({
    name: 'Bench Manager',
    email: 'bench.manager@example.test',
    password: 'bench-password-123',
    role: 'manager',
    isActive: true,
  })
  const { workflow } = await new SaveWorkflowDraft().handle({
    document: BENCH_DEFINITION,
    actor: manager,
  })
  const published = await new PublishWorkflow().handle({ workflow, actor: manager })
  const definition = published.definition
  // With the e-mail, as the API passes the signed-in user (guards may read it).
  const actor = { id: manager.id, role: 'manager' as const, email: manager.email }

  // The raw baseline gets its own pool, the same size as Lucid's.
  const poolSize = Number(app.config.get('database.connections.mysql.pool.max', 10))
  const pool = mysql.createPool({
    ...server,
    database: settings.database,
    charset: 'utf8mb4',
    timezone: 'Z',
    connectionLimit: poolSize,
  })

  async function startProcesses(count: number) {
    const processes: Process[] = []
    for (let i = 0; i < count; i++) {
      const { process } = await new StartProcess().handle({
        workflowKey: definition.key,
        title: `Bench ${i + 1}`,
        data: { amount: 1200, supplier: 'ACME Office Supplies' },
        actor: manager,
      })
      processes.push(process)
    }
    return processes
  }

  /** Steps through the engine, as the API moves a process (round `loop`). */
  async function engineSteps(
    count: number,
    action: TransitionAction = new TransitionProcess(),
    loop: Loop = 'guarded'
  ) {
    const processes = await startProcesses(count)
    const moves = LOOPS[loop]
    return processes.map((start): Step => {
      let process = start
      return async () => {
        const step = moves[process.stageKey]!
        const result = await action.handle({
          process,
          transition: step.transition,
          expectedVersion: process.version,
          actor,
        })
        process = result.process
        if (process.stageKey !== step.to) {
          throw new Error(`bench: expected "${step.to}", the process is in "${process.stageKey}"`)
        }
      }
    })
  }

  /**
   * The outbox rows the engine writes for a transition into each loop
   * stage (a notification; timers when the stage has an SLA…), read back
   * from the database after moving one process round the loop, so that
   * the raw baseline writes the same rows whatever the engine's outbox
   * policy is today.
   */
  async function outboxTemplates() {
    const [step] = await engineSteps(1)
    const before = await db.from('process_events').max('id as id').first()
    for (let i = 0; i < Object.keys(LOOP).length; i++) await step!()
    const rows = await db
      .from('outbox_messages')
      .join('process_events', 'process_events.id', 'outbox_messages.event_id')
      .where('process_events.id', '>', Number(before?.id ?? 0))
      .where('process_events.type', 'transitioned')
      .whereIn('process_events.to_stage', Object.keys(LOOP))
      .orderBy('outbox_messages.id')
      .select(
        'process_events.to_stage as toStage',
        'process_events.id as eventId',
        'outbox_messages.topic',
        'outbox_messages.queue',
        'outbox_messages.payload',
        'outbox_messages.available_at as availableAt',
        'outbox_messages.created_at as createdAt'
      )
    const templates: Record<string, OutboxTemplate[]> = {}
    for (const stage of Object.keys(LOOP)) {
      const mine = rows.filter((row) => row.toStage === stage)
      const firstEvent = mine[0]?.eventId
      templates[stage] = mine
        .filter((row) => row.eventId === firstEvent)
        .map((row) => ({
          topic: row.topic,
          queue: row.queue,
          payload: JSON.parse(row.payload),
          delayMs: new Date(row.availableAt).getTime() - new Date(row.createdAt).getTime(),
        }))
    }
    return templates
  }

  /**
   * The same SQL work per transition by hand: BEGIN; the conditional UPDATE
   * of every state column; INSERT the event; INSERT its outbox rows (one
   * statement); upsert the SLA timer when the stage has one; COMMIT. The new state (next stage, SLA due date) is
   * computed inline.
   */
  let templates: Record<string, OutboxTemplate[]> | undefined
  async function rawSteps(count: number) {
    templates ??= await outboxTemplates()
    const outbox = templates
    const processes = await startProcesses(count)
    return processes.map((start): Step => {
      const state = {
        id: start.id,
        version: start.version,
        stage: start.stageKey,
        workflowVersionId: start.workflowVersionId,
        title: start.title,
        priority: start.priority,
        data: JSON.stringify(start.data),
        assigneeId: start.assigneeId,
      }
      return async () => {
        const step = LOOP[state.stage]!
        const at = new Date()
        const sla = stageOf(definition, step.to)?.sla
        const dueAt = sla ? new Date(at.getTime() + parseDuration(sla)!) : null
        const next = state.version + 1
        const connection = await pool.getConnection()
        try {
          await connection.query('BEGIN')
          const [updated] = await connection.query<ResultSetHeader>(
            'UPDATE processes SET workflow_version_id = ?, title = ?, priority = ?, stage_key = ?, status = ?, data = ?, assignee_id = ?, due_at = ?, sla_breached = ?, closed_at = ?, version = ?, stage_entered_at = ?, updated_at = ? WHERE id = ? AND version = ?',
            [
              state.workflowVersionId,
              state.title,
              state.priority,
              step.to,
              'active',
              state.data,
              state.assigneeId,
              sqlTime(dueAt),
              false,
              null,
              next,
              sqlTime(at),
              sqlTime(at),
              state.id,
              state.version,
            ]
          )
          if (updated.affectedRows !== 1) throw new Error('raw baseline: stale write')
          const [event] = await connection.query<ResultSetHeader>(
            'INSERT INTO process_events (process_id, sequence, type, from_stage, to_stage, actor_id, payload, idempotency_key, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
            [
              state.id,
              next,
              'transitioned',
              state.stage,
              step.to,
              actor.id,
              JSON.stringify({ transition: step.transition }),
              null,
              sqlTimeMs(at),
            ]
          )
          const rows = outbox[step.to]!.map((template) => [
            state.id,
            event.insertId,
            template.topic,
            template.queue,
            JSON.stringify({
              ...template.payload,
              ...pick(template.payload, {
                processId: state.id,
                eventId: event.insertId,
                sequence: next,
                enteredVersion: next,
              }),
            }),
            'pending',
            0,
            sqlTime(new Date(at.getTime() + template.delayMs)),
            sqlTime(at),
          ])
          if (rows.length) {
            await connection.query(
              'INSERT INTO outbox_messages (process_id, event_id, topic, queue, payload, status, attempts, available_at, created_at) VALUES ?',
              [rows]
            )
          }
          if (dueAt) {
            // The stage's SLA timer, as the engine arms it (process_timers, one upsert).
            await connection.query(
              'INSERT INTO process_timers (process_id, kind, `key`, stage, entered_version, due_at, payload, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, 0) ON DUPLICATE KEY UPDATE stage = VALUES(stage), entered_version = VALUES(entered_version), due_at = VALUES(due_at), payload = VALUES(payload), attempts = 0',
              [
                state.id,
                'sla',
                '',
                step.to,
                next,
                sqlTime(dueAt),
                JSON.stringify({
                  processId: state.id,
                  stage: step.to,
                  enteredVersion: next,
                  dueAt: dueAt.toISOString(),
                }),
              ]
            )
          }
          await connection.query('COMMIT')
        } catch (error) {
          await connection.query('ROLLBACK')
          throw error
        } finally {
          connection.release()
        }
        state.version = next
        state.stage = step.to
      }
    })
  }

  /** SQL statements the driver sends per engine transition (BEGIN and COMMIT included). */
  async function statementsPerTransition(steps: Step[], samples: number) {
    // Warm caches (definitions, compiled guards) first, as in the measured runs.
    await steps[0]!()
    // Lucid's queries and the engine's lean transactions both report `db:query` in debug mode.
    const config = db.getRawConnection('mysql')!.connection!.config as { debug?: boolean }
    let count = 0
    const onQuery = () => count++
    config.debug = true
    emitter.on('db:query', onQuery)
    try {
      for (let i = 0; i < samples; i++) await steps[0]!()
    } finally {
      emitter.off('db:query', onQuery)
      config.debug = false
    }
    return count / samples
  }

  return {
    app,
    db,
    poolSize,
    server: { version: String(variables!.version), flush: Number(variables!.flush) },
    actor,
    definition,
    startProcesses,
    engineSteps,
    rawSteps,
    /** Outbox rows per transition into each loop stage, as the engine writes them. */
    async outboxRowsPerStage() {
      templates ??= await outboxTemplates()
      return Object.fromEntries(
        Object.entries(templates).map(([stage, rows]) => [stage, rows.length])
      )
    },
    statementsPerTransition,
    async close() {
      await pool.end()
      await app.terminate()
    },
  }
}

/** The app's environment for the bench (what .env would give, for a checkout without one). */
function benchEnvironment(settings: DatabaseSettings) {
  Object.assign(process.env, {
    DB_CONNECTION: 'mysql',
    DB_DATABASE: settings.database,
    DB_HOST: settings.host,
    DB_PORT: String(settings.port),
    DB_USER: settings.user,
    DB_PASSWORD: settings.password,
    REDIS_HOST: '',
  })
  // Quiet unless asked (the observability run logs at info, as production does).
  process.env.LOG_LEVEL = process.env.BENCH_LOG_LEVEL || 'warn'
  process.env.NODE_ENV ??= 'production'
  process.env.HOST ??= '127.0.0.1'
  process.env.PORT ??= '3333'
  process.env.APP_URL ??= 'http://127.0.0.1:3333'
  process.env.APP_KEY ??= randomBytes(32).toString('base64url')
}

/**
 * Starts tracing as the app's entry points do (otel.ts, before the app
 * loads), exporting to OTEL_EXPORTER_OTLP_ENDPOINT.
 */
export async function startTracing(settings: DatabaseSettings) {
  if (!process.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    throw new Error('Tracing in the bench needs OTEL_EXPORTER_OTLP_ENDPOINT (a local sink).')
  }
  benchEnvironment(settings)
  await import('../otel.js')
}

export async function bootApp(settings: DatabaseSettings): Promise<ApplicationService> {
  benchEnvironment(settings)

  const appRoot = new URL('../', import.meta.url)
  const importer = (filePath: string) =>
    filePath.startsWith('./') || filePath.startsWith('../')
      ? import(new URL(filePath, appRoot).href)
      : import(filePath)
  const app = new Ignitor(appRoot, { importer })
    .tap((application) => {
      application.booting(async () => {
        await import('#start/env')
      })
    })
    .createApp('console')
  await app.init()
  await app.boot()
  await app.start(() => {})
  return app as ApplicationService
}

/**
 * Runs `steps` in parallel (one per process), each sequentially, for
 * `operations` transitions in all, or until `maxSeconds` have passed.
 */
export async function measure(steps: Step[], operations: number, maxSeconds: number): Promise<Run> {
  const perStep = Math.ceil(operations / steps.length)
  const started = performance.now()
  const cpuBefore = process.cpuUsage()
  const stopAt = started + maxSeconds * 1000
  let done = 0
  let capped = false
  await Promise.all(
    steps.map(async (step) => {
      for (let i = 0; i < perStep; i++) {
        if (performance.now() > stopAt) {
          capped = true
          return
        }
        await step()
        done++
      }
    })
  )
  const seconds = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuBefore)
  return {
    opsPerSecond: done / seconds,
    operations: done,
    seconds,
    capped,
    cpuMicros: (cpu.user + cpu.system) / done,
  }
}

export function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export const loadAverage = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')
