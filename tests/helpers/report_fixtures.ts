import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'

/**
 * A small hand-built history with known durations and breaches (all times
 * UTC). Workflow "Claims" v1: A (SLA 60 min) → B (SLA 120 min) → DONE
 * (completed) or REJ (rejected). Alice (member) works stage A, Bob
 * (manager) stage B.
 *
 * P1 2026-03-02 10:00 A, 10:30 →B, 13:30 →DONE    A 1800 s, B 10800 s (breach, event)
 * P2 2026-03-02 11:00 A, 13:00 →B, 14:00 →DONE    A 7200 s (breach, event), B 3600 s
 * P3 2026-03-03 05:00 A, 05:10 →B, 06:10 →REJ     A 600 s, B 3600 s
 * P4 2026-03-03 12:00 A, 16:00 →B, open (Bob, due 03-03 18:00)  A 14400 s (breach, event)
 * P5 2026-03-04 08:00 A, 09:00 cancelled          A 3600 s (exactly the SLA: within)
 * P6 2026-03-04 10:00 A, open (Alice, due 03-04 11:00)
 *
 * "Now" is 2026-03-05 12:00 UTC.
 */
export const NOW = DateTime.fromISO('2026-03-05T12:00:00Z', { zone: 'utc' })

const t = (iso: string) => iso.replace('T', ' ')

export async function buildClaims() {
  const alice = await UserFactory.merge({ name: 'Alice' }).create()
  const bob = await UserFactory.apply('manager').merge({ name: 'Bob' }).create()
  const now = t('2026-03-01T00:00:00')

  const [workflowId] = await db.table('workflows').insert({
    key: 'claims',
    name: 'Claims',
    reference_prefix: 'CL',
    process_counter: 6,
    owner_id: bob.id,
    created_at: now,
    updated_at: now,
  })
  const [versionId] = await db.table('workflow_versions').insert({
    workflow_id: workflowId,
    number: 1,
    status: 'published',
    definition: JSON.stringify({ key: 'claims', name: 'Claims', stages: [], transitions: [] }),
    published_at: now,
    created_at: now,
    updated_at: now,
  })
  await db.table('workflow_stages').multiInsert([
    {
      workflow_version_id: versionId,
      key: 'A',
      name: 'Assess',
      type: 'task',
      position: 0,
      sla_minutes: 60,
    },
    {
      workflow_version_id: versionId,
      key: 'B',
      name: 'Approve',
      type: 'task',
      position: 1,
      sla_minutes: 120,
    },
    {
      workflow_version_id: versionId,
      key: 'DONE',
      name: 'Paid',
      type: 'end',
      outcome: 'completed',
      position: 2,
    },
    {
      workflow_version_id: versionId,
      key: 'REJ',
      name: 'Refused',
      type: 'end',
      outcome: 'rejected',
      position: 3,
    },
  ])

  type Step = [
    type: string,
    at: string,
    from: string | null,
    to: string | null,
    actor: number | null,
    payload?: object,
  ]
  const processes: {
    ref: string
    status: string
    stage: string
    assignee: number | null
    due: string | null
    entered: string
    closed: string | null
    steps: Step[]
  }[] = [
    {
      ref: 'P1',
      status: 'completed',
      stage: 'DONE',
      assignee: bob.id,
      due: null,
      entered: '2026-03-02T13:30:00',
      closed: '2026-03-02T13:30:00',
      steps: [
        ['started', '2026-03-02T10:00:00', null, 'A', alice.id],
        ['transitioned', '2026-03-02T10:30:00', 'A', 'B', alice.id],
        [
          'sla_breached',
          '2026-03-02T12:30:00',
          null,
          null,
          null,
          { stage: 'B', assigneeId: bob.id },
        ],
        ['transitioned', '2026-03-02T13:30:00', 'B', 'DONE', bob.id],
      ],
    },
    {
      ref: 'P2',
      status: 'completed',
      stage: 'DONE',
      assignee: bob.id,
      due: null,
      entered: '2026-03-02T14:00:00',
      closed: '2026-03-02T14:00:00',
      steps: [
        ['started', '2026-03-02T11:00:00', null, 'A', alice.id],
        [
          'sla_breached',
          '2026-03-02T12:00:00',
          null,
          null,
          null,
          { stage: 'A', assigneeId: alice.id },
        ],
        ['assigned', '2026-03-02T12:59:00', null, null, alice.id, { assigneeId: bob.id }],
        ['transitioned', '2026-03-02T13:00:00', 'A', 'B', alice.id],
        ['commented', '2026-03-02T13:20:00', null, null, bob.id, { body: 'ok' }],
        ['transitioned', '2026-03-02T14:00:00', 'B', 'DONE', bob.id],
      ],
    },
    {
      ref: 'P3',
      status: 'rejected',
      stage: 'REJ',
      assignee: bob.id,
      due: null,
      entered: '2026-03-03T06:10:00',
      closed: '2026-03-03T06:10:00',
      steps: [
        ['started', '2026-03-03T05:00:00', null, 'A', alice.id],
        ['transitioned', '2026-03-03T05:10:00', 'A', 'B', alice.id],
        ['transitioned', '2026-03-03T06:10:00', 'B', 'REJ', bob.id],
      ],
    },
    {
      ref: 'P4',
      status: 'active',
      stage: 'B',
      assignee: bob.id,
      due: '2026-03-03T18:00:00',
      entered: '2026-03-03T16:00:00',
      closed: null,
      steps: [
        ['started', '2026-03-03T12:00:00', null, 'A', alice.id],
        [
          'sla_breached',
          '2026-03-03T13:00:00',
          null,
          null,
          null,
          { stage: 'A', assigneeId: alice.id },
        ],
        ['transitioned', '2026-03-03T16:00:00', 'A', 'B', alice.id],
      ],
    },
    {
      ref: 'P5',
      status: 'cancelled',
      stage: 'A',
      assignee: alice.id,
      due: null,
      entered: '2026-03-04T08:00:00',
      closed: '2026-03-04T09:00:00',
      steps: [
        ['started', '2026-03-04T08:00:00', null, 'A', alice.id],
        ['cancelled', '2026-03-04T09:00:00', 'A', null, bob.id],
      ],
    },
    {
      ref: 'P6',
      status: 'active',
      stage: 'A',
      assignee: alice.id,
      due: '2026-03-04T11:00:00',
      entered: '2026-03-04T10:00:00',
      closed: null,
      steps: [['started', '2026-03-04T10:00:00', null, 'A', alice.id]],
    },
  ]

  const ids: Record<string, number> = {}
  for (const p of processes) {
    const [id] = await db.table('processes').insert({
      workflow_id: workflowId,
      workflow_version_id: versionId,
      reference: p.ref,
      title: `Claim ${p.ref}`,
      data: '{}',
      stage_key: p.stage,
      status: p.status,
      priority: 'normal',
      creator_id: alice.id,
      assignee_id: p.assignee,
      due_at: p.due ? t(p.due) : null,
      sla_breached: false,
      version: p.steps.length,
      stage_entered_at: t(p.entered),
      created_at: t(p.steps[0]![1]),
      updated_at: t(p.steps[p.steps.length - 1]![1]),
      closed_at: p.closed ? t(p.closed) : null,
    })
    ids[p.ref] = id!
    await db.table('process_events').multiInsert(
      p.steps.map(([type, at, from, to, actor, payload], i) => ({
        process_id: id,
        sequence: i + 1,
        type,
        from_stage: from,
        to_stage: to,
        actor_id: actor,
        payload: JSON.stringify(payload ?? {}),
        occurred_at: t(at),
      }))
    )
  }
  return { alice, bob, workflowId: workflowId!, versionId: versionId!, ids }
}

export function claimsParams(
  fixture: { workflowId: number },
  overrides: Partial<import('#actions/reports/types').ReportParams> = {}
) {
  return {
    workflowId: fixture.workflowId,
    versionId: null,
    from: '2026-03-02',
    to: '2026-03-04',
    timezone: 'UTC',
    assigneeId: null,
    role: null,
    granularity: 'day' as const,
    ...overrides,
  }
}
