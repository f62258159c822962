import { createServer, type Server } from 'node:http'
import { randomBytes } from 'node:crypto'
import { env as environment } from 'node:process'
import { test } from '@japa/runner'
import { UserFactory } from '#database/factories/user_factory'
import type { WorkflowDefinition } from '#engine/definition'
import User from '#models/user'
import StartProcess from '#actions/processes/start_process'
import { publishWorkflow, truncateAll } from '#tests/helpers/common'
import { uniquePrefix, workerEnv, type WorkerProcess } from '#tests/helpers/worker_process'
import { ownRedis, SKIP_REASON, Spawned } from '#tests/helpers/resilience'
import { OtlpReceiver, type ReceivedSpan } from '#tests/helpers/otlp_receiver'
import { ServerProcess, freePort } from '#tests/helpers/server_process'
import { waitUntil } from '#tests/helpers/wait'

/**
 * Traces and logs across processes (issue 17): a real web server and a
 * real `queue:work` worker (BullMQ on a Redis of the group's own), started
 * with OTEL_EXPORTER_OTLP_ENDPOINT pointed at a local OTLP/HTTP receiver.
 * A transition over the API enters a stage whose http action calls a
 * local partner service.
 */
const SECRET = `partner-${randomBytes(12).toString('hex')}`
// Publishing checks that the secret exists and may go to the partner (loopback); the app's processes get it too.
environment.STAGEFLOW_SECRET_PARTNER_TOKEN = SECRET
environment.STAGEFLOW_SECRET_PARTNER_TOKEN_HOSTS = '127.0.0.1'

/** The partner: records what it was sent; refuses (echoing the credentials) when told to. */
class Partner {
  calls: { traceparent: string | null; authorization: string | null }[] = []
  refuse = false
  #server: Server

  private constructor(server: Server) {
    this.#server = server
  }

  static async start() {
    let partner!: Partner
    const server = createServer((req, res) => {
      req.resume()
      req.on('end', () => {
        const authorization = req.headers.authorization ?? null
        partner.calls.push({
          traceparent: String(req.headers.traceparent ?? '') || null,
          authorization,
        })
        res.writeHead(partner.refuse ? 401 : 200, { 'content-type': 'application/json' })
        // Some systems echo what they refused: the log line of the failed attempt must not.
        res.end(
          JSON.stringify(
            partner.refuse ? { error: `credentials "${authorization}" rejected` } : { ok: true }
          )
        )
      })
    })
    partner = new Partner(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return partner
  }

  get url() {
    return `http://127.0.0.1:${(this.#server.address() as { port: number }).port}`
  }

  close() {
    return new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }
}

const FLOW = (partnerUrl: string): WorkflowDefinition => ({
  key: 'traced-flow',
  name: 'Traced flow',
  stages: [
    { key: 'draft', name: 'Draft', type: 'start' },
    {
      key: 'sending',
      name: 'Sending',
      type: 'task',
      actions: [
        {
          key: 'notify_partner',
          type: 'http',
          method: 'POST',
          url: `${partnerUrl}/hooks/stageflow`,
          headers: { Authorization: 'Bearer {{secret.PARTNER_TOKEN}}' },
          body: { process: '{{process.id}}' },
          timeout: '5s',
          attempts: 1,
        },
      ],
    },
    { key: 'done', name: 'Done', type: 'end', outcome: 'completed' },
  ],
  transitions: [
    { key: 'send', from: 'draft', to: 'sending' },
    { key: 'finish', from: 'sending', to: 'done' },
  ],
})

/** OTLP span kinds. */
const KIND = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 }

/** The environment of the app's processes: the test's database, tracing to `receiver`. */
function tracedEnv(receiver: OtlpReceiver, queue: NodeJS.ProcessEnv) {
  return {
    ...queue,
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    // Export within a fraction of a second (the default batches for 5 s).
    OTEL_BSP_SCHEDULE_DELAY: '100',
    LOG_LEVEL: 'debug',
    STAGEFLOW_SECRET_PARTNER_TOKEN: SECRET,
    STAGEFLOW_SECRET_PARTNER_TOKEN_HOSTS: '127.0.0.1',
  }
}

/** A manager with an API token, and a process of the traced flow in its start stage. */
async function startedProcess() {
  const manager = await UserFactory.apply('manager').create()
  const token = await User.accessTokens.create(manager, ['*'], { name: 'traces' })
  const { process } = await new StartProcess().handle({
    workflowKey: 'traced-flow',
    title: 'traced',
    actor: manager,
  })
  return { manager, token: token.value!.release(), process }
}

/** The transition over the API of `server`, as a client would send it. */
async function sendOverApi(
  server: ServerProcess,
  token: string,
  processId: number,
  version: number
) {
  const response = await fetch(`${server.url}/api/v1/processes/${processId}/transitions`, {
    method: 'POST',
    headers: {
      'Authorization': `Bearer ${token}`,
      'Content-Type': 'application/json',
      'Accept': 'application/json',
    },
    body: JSON.stringify({ transition: 'send', expectedVersion: version }),
  })
  return { status: response.status, body: await response.text() }
}

/** The span and its ancestors, root first. */
function lineage(spans: ReceivedSpan[], leaf: ReceivedSpan) {
  const byId = new Map(spans.map((span) => [span.spanId, span]))
  const chain = [leaf]
  for (let parent = byId.get(leaf.parentSpanId); parent; parent = byId.get(parent.parentSpanId)) {
    chain.unshift(parent)
  }
  return chain
}

/**
 * Waits for the partner's call and the spans of its trace up to the
 * request, then checks that one trace runs from the request through the
 * engine command, the outbox publish and the job to the outbound call,
 * each step a descendant of the one before and starting after it.
 */
async function assertOneTrace(
  assert: any,
  receiver: OtlpReceiver,
  partner: Partner,
  roles: { request: string; job: string },
  dump: () => string
) {
  const call = await waitUntil(() => partner.calls[0], {
    timeoutMs: 30_000,
    message: () => `the partner call\n${dump()}`,
  })
  assert.match(call.traceparent ?? '', /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/)
  const [, traceId, parentId] = call.traceparent!.split('-')

  const chain = await waitUntil(
    () => {
      const spans = receiver.trace(traceId!)
      const outbound = spans.find((span) => span.spanId === parentId)
      if (!outbound) return false
      const found = lineage(spans, outbound)
      return found[0]?.kind === KIND.server ? found : false
    },
    {
      timeoutMs: 20_000,
      intervalMs: 100,
      message: () =>
        `the spans of trace ${traceId}: ${receiver
          .trace(traceId!)
          .map((s) => `${s.role}:${s.name}`)
          .join(', ')}\n${dump()}`,
    }
  )

  const request = chain[0]!
  const engine = chain.find((span) => span.name === 'engine transitioned')
  const publish = chain.find((span) => span.kind === KIND.producer)
  const job = chain.find((span) => span.kind === KIND.consumer)
  const action = chain.find((span) => span.name.startsWith('http action POST'))
  const outbound = chain.at(-1)!

  assert.equal(request.name, 'POST /api/v1/processes/:id/transitions')
  assert.equal(request.role, roles.request)
  assert.exists(engine, 'the engine command is in the trace')
  assert.equal(engine!.attributes['command'], 'transitioned')
  assert.equal(engine!.attributes['workflow.key'], 'traced-flow')
  assert.exists(publish, 'the outbox publish is in the trace')
  assert.exists(job, 'the job is in the trace')
  assert.equal(job!.role, roles.job)
  assert.equal(job!.attributes['job.name'], 'run_action')
  assert.equal(job!.attributes['process.id'], engine!.attributes['process.id'])
  assert.exists(action, 'the http action is in the trace')
  assert.equal(outbound.kind, KIND.client)
  assert.equal(outbound.role, roles.job)

  // In order: each step is a descendant of the one before, and starts after it.
  const steps = [request, engine!, publish!, job!, action!, outbound]
  const positions = steps.map((step) => chain.indexOf(step))
  assert.deepEqual(
    positions,
    [...positions].sort((a, b) => a - b),
    'request → engine → publish → job → action → outbound call'
  )
  for (let i = 1; i < steps.length; i++) {
    assert.isTrue(steps[i]!.startNs >= steps[i - 1]!.startNs, `${steps[i]!.name} starts later`)
  }
  // Database spans from the query builder belong to the request's trace too.
  assert.isTrue(
    receiver.trace(traceId!).some((span) => span.name.startsWith('update') && span.role === 'web'),
    'the UPDATE of the engine command is traced'
  )
  return { traceId: traceId!, request }
}

test.group('Observability / one trace across processes, and logs', (group) => {
  const redis = ownRedis(group)
  const spawned = new Spawned()
  let receiver: OtlpReceiver
  let partner: Partner
  let server: ServerProcess
  let worker: WorkerProcess

  group.setup(async () => {
    if (SKIP_REASON) return () => {}
    await truncateAll()
    receiver = await OtlpReceiver.start()
    partner = await Partner.start()
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(FLOW(partner.url), admin)
    const env = tracedEnv(receiver, workerEnv({ port: redis.server.port }, uniquePrefix('traces')))
    server = new ServerProcess(await freePort(), env)
    spawned.extra.push(() => server.stop())
    ;[worker] = await Promise.all([spawned.worker('traced', env), server.ready()])
    return async () => {
      await spawned.cleanup()
      await receiver.close()
      await partner.close()
    }
  })
  group.each.setup(() => {
    if (SKIP_REASON) return
    partner.calls.length = 0
    partner.refuse = false
  })

  const dump = () => `--- server\n${server.output.slice(-2000)}\n${spawned.dump()}`

  test('one trace runs from the API request to the partner call made by the worker', async ({
    assert,
  }) => {
    const { token, process } = await startedProcess()
    const answer = await sendOverApi(server, token, process.id, process.version)
    assert.equal(answer.status, 200, answer.body)

    await assertOneTrace(assert, receiver, partner, { request: 'web', job: 'worker' }, dump)
    assert.isEmpty(receiver.refused)
  })
    .skip(Boolean(SKIP_REASON), SKIP_REASON ?? undefined)
    .timeout(90_000)

  test('log lines carry trace, request, user, job and process; secrets and tokens never appear', async ({
    assert,
  }) => {
    partner.refuse = true
    const { manager, token, process } = await startedProcess()
    const answer = await sendOverApi(server, token, process.id, process.version)
    assert.equal(answer.status, 200, answer.body)
    const { traceId } = await assertOneTrace(
      assert,
      receiver,
      partner,
      { request: 'web', job: 'worker' },
      dump
    )
    // The partner did get the secret: it is the logs that must not.
    assert.equal(partner.calls[0]!.authorization, `Bearer ${SECRET}`)

    const failed = await waitUntil(
      () =>
        worker
          .logs()
          .find((l) => l.msg === 'http action attempt failed' && l.process_id === process.id),
      { timeoutMs: 20_000, message: () => `the failed attempt's log line\n${dump()}` }
    )
    assert.include(failed.error, '[redacted]', 'the echoed credentials are scrubbed')
    assert.equal(failed.trace_id, traceId)
    assert.match(failed.span_id, /^[0-9a-f]{16}$/)
    assert.equal(failed.job, 'run_action')

    const changed = server
      .logs()
      .find((l) => l.msg === 'process stage changed' && l.process_id === process.id)
    assert.exists(changed, dump())
    assert.include(changed!, {
      level: 30,
      from_stage: 'draft',
      to_stage: 'sending',
      performed_by: manager.id,
      workflow_key: 'traced-flow',
      user_id: manager.id,
      trace_id: traceId,
    })
    assert.match(changed!.request_id, /\S/)
    assert.match(changed!.span_id, /^[0-9a-f]{16}$/)

    const completed = await waitUntil(
      () =>
        worker
          .logs()
          .find(
            (l) => l.msg === 'job completed' && l.job === 'run_action' && l.trace_id === traceId
          ),
      { timeoutMs: 20_000, message: () => `the job's completion line\n${dump()}` }
    )
    assert.equal(completed.process_id, process.id)

    // Nothing any process wrote holds the secret or the API token.
    const secretPart = token.split('.').at(-1)!
    for (const [name, output] of [
      ['server', server.output],
      ['worker', worker.output],
    ] as const) {
      assert.notInclude(output, SECRET, `the ${name} log holds the secret`)
      assert.notInclude(output, secretPart, `the ${name} log holds the API token`)
    }
  })
    .skip(Boolean(SKIP_REASON), SKIP_REASON ?? undefined)
    .timeout(90_000)
})

test.group('Observability / one trace with the in-process queue', (group) => {
  let receiver: OtlpReceiver
  let partner: Partner

  group.setup(async () => {
    await truncateAll()
    receiver = await OtlpReceiver.start()
    partner = await Partner.start()
    const admin = await UserFactory.apply('admin').create()
    await publishWorkflow(FLOW(partner.url), admin)
    return async () => {
      await receiver.close()
      await partner.close()
    }
  })

  test('without Redis the server alone carries the trace from the request to the partner call', async ({
    assert,
    cleanup,
  }) => {
    const embedded = new ServerProcess(
      await freePort(),
      tracedEnv(receiver, {
        ...environment,
        QUEUE_DRIVER: 'memory',
        REDIS_HOST: '',
        REDIS_CLUSTER_NODES: '',
        SESSION_DRIVER: 'memory',
        LIMITER_STORE: 'memory',
      })
    )
    cleanup(() => embedded.stop().then(() => {}))
    await embedded.ready()
    const { token, process } = await startedProcess()
    const answer = await sendOverApi(embedded, token, process.id, process.version)
    assert.equal(answer.status, 200, answer.body)

    await assertOneTrace(
      assert,
      receiver,
      partner,
      { request: 'web', job: 'web' },
      () => `--- embedded server\n${embedded.output.slice(-3000)}`
    )
    assert.isEmpty(receiver.refused)
  }).timeout(90_000)
})
