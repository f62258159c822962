/**
 * Property-based tests: random command sequences run through a tiny pure
 * command model (checkTransition decides, events record, applyEvent folds),
 * then the event log and the state are checked against the invariants.
 */
import { test } from '@japa/runner'
import type { Assert } from '@japa/assert'
import fc from 'fast-check'
import type { WorkflowDefinition } from '#engine/definition'
import { collectFields } from '#engine/data'
import { applyEvent, replay, type ProcessEvent, type ProcessState } from '#engine/replay'
import {
  availableTransitions,
  checkTransition,
  isEndStage,
  stageOf,
  startStageOf,
  statusForStage,
  type ActorRole,
} from '#engine/state_machine'
import { MINIMAL, ORDER_FULFILMENT, PURCHASE_REQUEST } from '#tests/unit/engine/fixtures'

type Command =
  | {
      kind: 'transition'
      key: string
      role: ActorRole
      patch: Record<string, unknown>
      after: number
    }
  /** Runs the `pick`-th transition leaving the current stage, optionally filling its requirements. */
  | {
      kind: 'advance'
      pick: number
      fill: boolean
      role: ActorRole
      patch: Record<string, unknown>
      after: number
    }
  | { kind: 'update'; patch: Record<string, unknown>; after: number }
  | { kind: 'assign'; assigneeId: number | null; after: number }
  | { kind: 'cancel'; after: number }
  | { kind: 'comment'; body: string; after: number }
  | { kind: 'breach'; after: number }
  | { kind: 'future_event'; after: number }

const T0 = Date.parse('2025-03-03T08:00:00.000Z')
const VERSION_ID = 41

/** Random commands that mostly make sense for `definition`, sometimes not. */
function commandFor(definition: WorkflowDefinition): fc.Arbitrary<Command> {
  const fieldKeys = collectFields(definition).map((field) => field.key)
  const keys = fieldKeys.length > 0 ? fieldKeys : ['note']
  // Filled values dominate so that required fields do get filled.
  const value = fc.oneof(
    { weight: 4, arbitrary: fc.oneof(fc.string({ minLength: 1 }), fc.integer(), fc.boolean()) },
    { weight: 1, arbitrary: fc.constantFrom(null, '') }
  )
  const patch = fc.dictionary(fc.constantFrom(...keys, 'extra'), value, { maxKeys: 3 })
  const after = fc.integer({ min: 0, max: 3 * 24 * 60 })
  const role = fc.constantFrom<ActorRole>('admin', 'manager', 'member', 'system')
  const transitionKey = fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom(...definition.transitions.map((t) => t.key)) },
    { weight: 1, arbitrary: fc.constant('no_such_transition') }
  )
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('transition' as const),
        key: transitionKey,
        role,
        patch,
        after,
      }),
    },
    {
      // Random keys rarely line up into a full path to an end stage.
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('advance' as const),
        pick: fc.nat(),
        fill: fc.boolean(),
        role,
        patch,
        after,
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('update' as const), patch, after }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('assign' as const),
        assigneeId: fc.option(fc.integer({ min: 1, max: 50 })),
        after,
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), after }) },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('comment' as const), body: fc.string(), after }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('breach' as const), after }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('future_event' as const), after }) }
  )
}

/** The command side: decides what a command does and records it as events. */
class ProcessModel {
  readonly events: ProcessEvent[] = []
  state: ProcessState
  private clock = T0
  private readonly definition: WorkflowDefinition

  constructor(definition: WorkflowDefinition) {
    this.definition = definition
    const started = this.record(
      'started',
      {
        workflowVersionId: VERSION_ID,
        title: 'Random process',
        priority: 'normal',
        data: {},
        assigneeId: null,
      },
      null,
      startStageOf(definition).key,
      null
    )
    this.state = started
  }

  resolve = (id: number): WorkflowDefinition => {
    if (id !== VERSION_ID) throw new Error(`unexpected version ${id}`)
    return this.definition
  }

  private record(
    type: string,
    payload: Record<string, unknown>,
    fromStage: string | null,
    toStage: string | null,
    state: ProcessState | null = this.state
  ): ProcessState {
    const event: ProcessEvent = {
      sequence: this.events.length + 1,
      type,
      fromStage,
      toStage,
      actorId: 1,
      payload,
      occurredAt: new Date(this.clock),
    }
    const next = applyEvent(state, event, this.resolve)
    this.events.push(event)
    this.state = next
    return next
  }

  /** A valid, filled value for a field (so `fill` works for every field type). */
  private valueFor(key: string): unknown {
    const field = collectFields(this.definition).find((candidate) => candidate.key === key)
    switch (field?.type) {
      case 'select':
        return field.options![0]
      case 'number':
        return 1
      case 'boolean':
        return false
      case 'date':
        return '2025-03-04'
      case 'user':
        return 3
      default:
        return 'filled'
    }
  }

  /** Runs a command; returns whether it produced an event. */
  run(command: Command, assert: Assert): boolean {
    this.clock += command.after * 60_000
    const { state } = this
    const active = state.status === 'active'
    switch (command.kind) {
      case 'advance': {
        const leaving = this.definition.transitions.filter((t) => t.from === state.stage)
        if (leaving.length === 0) return false
        const transition = leaving[command.pick % leaving.length]
        const patch = { ...command.patch }
        if (command.fill) {
          for (const key of transition.requires ?? []) patch[key] = this.valueFor(key)
        }
        return this.run(
          { ...command, kind: 'transition', key: transition.key, patch, after: 0 },
          assert
        )
      }
      case 'transition': {
        const data = { ...state.data, ...command.patch }
        const query = { stage: state.stage, role: command.role, data }
        const check = checkTransition(this.definition, {
          ...query,
          status: state.status,
          transitionKey: command.key,
        })
        // checkTransition and availableTransitions must agree.
        const allowedNow = active
          ? availableTransitions(this.definition, query)
              .filter((option) => option.allowed)
              .map((option) => option.transition.key)
          : []
        assert.equal(check.ok, allowedNow.includes(command.key))
        if (!check.ok) {
          assert.deepEqual(check.allowed, allowedNow)
          if (!active) assert.equal(check.code, 'process_closed')
          return false
        }
        this.record(
          'transitioned',
          { transition: command.key, data: command.patch },
          state.stage,
          check.to.key
        )
        assert.equal(this.state.stage, check.to.key)
        assert.equal(this.state.status !== 'active', check.closes)
        return true
      }
      case 'update':
        if (!active) return false
        this.record('data_updated', { patch: command.patch }, null, null)
        return true
      case 'assign':
        if (!active) return false
        this.record('assigned', { assigneeId: command.assigneeId }, null, null)
        return true
      case 'cancel':
        if (!active) return false
        this.record('cancelled', { reason: 'random' }, state.stage, null)
        return true
      case 'comment':
        this.record('commented', { body: command.body }, null, null)
        return true
      case 'breach':
        if (!active || state.dueAt === null || this.clock < state.dueAt.getTime()) return false
        this.record('sla_breached', { stage: state.stage }, null, null)
        return true
      case 'future_event':
        this.record('escalated', { level: 1 }, null, null)
        return true
    }
  }
}

function checkInvariants(model: ProcessModel, definition: WorkflowDefinition, assert: Assert) {
  const { state, events } = model
  // Version equals the number of events, and sequences are 1..n without gaps.
  assert.equal(state.version, events.length)
  assert.deepEqual(
    events.map((event) => event.sequence),
    events.map((_, index) => index + 1)
  )
  // The process always sits in a stage of its definition.
  const stage = stageOf(definition, state.stage)
  assert.isDefined(stage)
  // Closed ⇔ in an end stage or cancelled; an end stage dictates the status.
  const closed = state.status !== 'active'
  assert.equal(closed, isEndStage(definition, state.stage) || state.status === 'cancelled')
  if (stage!.type === 'end') assert.equal(state.status, statusForStage(stage!))
  assert.equal(state.closedAt !== null, closed)
  if (closed) assert.isNull(state.dueAt)
  // Replaying the log reproduces the incrementally built state.
  assert.deepEqual(replay(events, model.resolve), state)
}

test.group('Process model | random command sequences', () => {
  for (const definition of [ORDER_FULFILMENT, PURCHASE_REQUEST, MINIMAL]) {
    test(`invariants hold for "${definition.key}"`, ({ assert }) => {
      fc.assert(
        fc.property(
          fc.array(commandFor(definition), { maxLength: 80, size: 'max' }),
          (commands) => {
            const model = new ProcessModel(definition)
            checkInvariants(model, definition, assert)
            for (const command of commands) {
              const before = model.events.length
              const recorded = model.run(command, assert)
              assert.equal(model.events.length, before + (recorded ? 1 : 0))
              checkInvariants(model, definition, assert)
            }
          }
        ),
        { numRuns: 150 }
      )
    })
  }

  test('random runs do reach every end outcome of the order workflow', ({ assert }) => {
    // Guards the generators: if commands never got a process closed, the
    // invariants above would hold vacuously for closed processes.
    const seen = new Set<string>()
    fc.assert(
      fc.property(
        fc.array(commandFor(ORDER_FULFILMENT), { maxLength: 80, size: 'max' }),
        (commands) => {
          const model = new ProcessModel(ORDER_FULFILMENT)
          for (const command of commands) model.run(command, assert)
          seen.add(`${model.state.stage}:${model.state.status}`)
        }
      ),
      { numRuns: 300, seed: 20250303 }
    )
    assert.includeMembers([...seen], ['DELIVERED:completed', 'CANCELED:cancelled'])
    assert.isTrue(
      [...seen].some((entry) => entry.endsWith(':cancelled') && !entry.startsWith('CANCELED'))
    )
  })
})
