import { test } from '@japa/runner'
import fc from 'fast-check'
import type { ApiClient } from '@japa/api-client'
import User from '#models/user'
import queue, { QUEUE_NAMES } from '#queue/queue_manager'
import { freshDatabase } from '#tests/helpers/common'
import { seedWorld } from '#tests/helpers/seed_world'
import { OpenapiContract, type Operation } from '#tests/helpers/openapi_contract'
import { requestValue } from '#tests/helpers/schema_arbitrary'
import { afterUtf8 } from '#tests/helpers/hostile_inputs'

/**
 * A property-based run over the whole API: requests generated from the
 * request schemas of the served OpenAPI document (path parameters, query,
 * bodies), sent with a member's or an admin's token. Whatever comes back
 * must be below 500 and match the document (the contract hook of
 * tests/bootstrap.ts checks every answer). Bounded in runs and time; the
 * seed is fixed and printed, PROPERTY_SEED replays another one.
 */
const SEED = Number(process.env.PROPERTY_SEED ?? 20_261_206)
const RUNS = Number(process.env.PROPERTY_RUNS ?? 200)

type Json = { [key: string]: any }
type Generated = { op: Operation; url: string; body: unknown; as: 'member' | 'admin' }

function requestsOf(contract: OpenapiContract, real: Record<string, (string | number)[]>) {
  const resolve = (ref: string) => contract.schemaAt(ref)
  return fc.constantFrom(...contract.operations).chain((op) => {
    const item = contract.schemaAt(op.pointer.replace(/\/[a-z]+$/, ''))
    const parameters = [...(item.parameters ?? []), ...(op.operation.parameters ?? [])].map(
      (p: Json) => (p.$ref ? contract.schemaAt(p.$ref) : p)
    )
    const pathArbs: Record<string, fc.Arbitrary<unknown>> = {}
    const queryArbs: Record<string, fc.Arbitrary<unknown>> = {}
    for (const p of parameters) {
      if (p.in === 'path') {
        const known = real[`${op.path}:${p.name}`] ?? real[p.name] ?? []
        pathArbs[p.name] = known.length
          ? fc.oneof(
              { weight: 3, arbitrary: fc.constantFrom(...known) },
              requestValue(p.schema, resolve)
            )
          : requestValue(p.schema, resolve)
      } else if (p.in === 'query') queryArbs[p.name] = requestValue(p.schema, resolve)
    }
    const bodyPointer = contract.requestPointer(op.key)
    return fc
      .record({
        path: fc.record(pathArbs),
        query: fc.record(queryArbs, { requiredKeys: [] }),
        body: bodyPointer
          ? requestValue(contract.schemaAt(bodyPointer), resolve)
          : fc.constant(undefined),
        as: fc.constantFrom('member' as const, 'admin' as const),
      })
      .map(({ path, query, body, as }): Generated => {
        const filled = op.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
          // A URL carries bytes: lone surrogates cannot be sent, only their U+FFFD.
          encodeURIComponent(
            afterUtf8(
              typeof path[name] === 'object' ? JSON.stringify(path[name]) : String(path[name])
            )
          )
        )
        const search = new URLSearchParams()
        for (const [k, v] of Object.entries(query)) {
          if (v !== undefined) search.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v))
        }
        const qs = search.toString()
        return { op, url: qs ? `${filled}?${qs}` : filled, body, as }
      })
  })
}

async function send(client: ApiClient, generated: Generated, tokens: Record<string, string>) {
  const request = client
    .request(generated.url, generated.op.method.toUpperCase())
    .header('authorization', `Bearer ${tokens[generated.as]}`)
  if (generated.body !== undefined) request.json(generated.body as object)
  return request
}

test.group('Security / property-based run over the API', (group) => {
  freshDatabase(group)

  test('generated requests never get a 5xx, and every answer matches the document', async ({
    client,
    assert,
  }) => {
    const world = await seedWorld()
    const memberToken = await User.accessTokens.create(world.users.member)
    const adminToken = await User.accessTokens.create(world.users.admin)
    const tokens = { member: memberToken.value!.release(), admin: adminToken.value!.release() }
    const document = await client.get('/api/v1/openapi.json')
    const contract = new OpenapiContract(document.body())
    const real = {
      'id': [world.process.id],
      'number': [1],
      '/api/v1/workflows/{key}:key': [world.workflow.key],
      '/api/v1/workflows/{key}/draft:key': [world.workflow.key],
      '/api/v1/workflows/{key}/publish:key': [world.workflow.key],
      '/api/v1/workflows/{key}/versions/{number}:key': [world.workflow.key],
      'scope': ['global', `workflow:${world.workflow.key}`],
      '/api/v1/bulk-operations/{id}:id': [world.bulk.id],
      '/api/v1/bulk-operations/{id}/items:id': [world.bulk.id],
      '/api/v1/migrations/{id}:id': [world.migration.id],
      '/api/v1/migrations/{id}/items:id': [world.migration.id],
      '/api/v1/reports/{id}:id': [world.run.id],
      '/api/v1/reports/{id}/export/{format}:id': [world.run.id],
      '/api/v1/notifications/{id}/read:id': [world.notificationId],
      '/api/v1/users/{id}:id': [world.users.member.id, world.users.manager.id],
      '/api/v1/workflows/{key}/migrations:key': [world.workflow.key],
      '/api/v1/workflows/{key}/migrations/dry-run:key': [world.workflow.key],
      '/api/v1/report-schedules/{id}:id': [world.apiSchedule.id, world.schedule.id],
      '/api/v1/admin/alert-rules/{id}:id': [world.apiAlertRule.id, world.alertRule.id],
      '/api/v1/admin/alert-rules/{id}/enabled:id': [world.apiAlertRule.id],
      'process': [world.process.id],
    }
    console.log(`property run: seed ${SEED}, ${RUNS} runs (PROPERTY_SEED=${SEED} to replay)`)
    const seen = new Map<string, number>()
    const result = await fc.check(
      fc.asyncProperty(requestsOf(contract, real), async (generated) => {
        // The contract hook throws on a contradiction; a 5xx fails here.
        const response = await send(client, generated, tokens)
        const key = `${generated.op.key} → ${response.status()}`
        seen.set(key, (seen.get(key) ?? 0) + 1)
        return response.status() < 500
      }),
      { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: 45_000, markInterruptAsFailure: false }
    )
    console.log(
      [...seen]
        .map(([k, n]) => `  ${k} ×${n}`)
        .sort()
        .join('\n')
    )
    // Generated requests may pause queues (POST /api/v1/admin/queues/{queue}/pause): undo it.
    for (const name of QUEUE_NAMES) await queue.driver().resume(name)
    assert.isFalse(result.failed, fc.defaultReportMessage(result) ?? '')
    assert.isAbove(seen.size, contract.operations.length / 2, 'most operations were exercised')
  }).timeout(90_000)
})
