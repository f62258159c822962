import { DateTime } from 'luxon'
import { applyEvent, type Priority, type ProcessEvent as EngineEvent } from '#engine/replay'
import { startStageOf } from '#engine/state_machine'
import { fieldDeclarations, validateProcessData, withDefaults } from '#engine/data'
import Process from '#models/process'
import User from '#models/user'
import Workflow from '#models/workflow'
import WorkflowVersion from '#models/workflow_version'
import { Forbidden, NotFound, InvalidInput } from '#exceptions/domain_error'
import { InvalidProcessData, WorkflowNotPublished } from '#exceptions/process_errors'
import { definitionOf } from '#support/definitions'
import { sqlTime } from '#support/sql_time'
import { isUniqueViolation } from '#actions/processes/commit_process_change'
import { recordEvent } from '#actions/processes/record_event'
import { subscribedWebhookTypes } from '#actions/webhooks/webhook_outbox'
import { anyWatchedViews, viewWatchOutbox } from '#actions/views/view_watch_outbox'
import { leanTransaction } from '#support/database/lean_transaction'
import { indexWholeProcess } from '#actions/search/process_index'
import { stageEntryTimers } from '#actions/processes/outbox'
import { pickMember } from '#actions/processes/team_assignment'
import type { StageAssignee } from '#engine/definition'
import { queueOf } from '#engine/queues'
import { delegateOf } from '#support/people/delegation'
import { mayAccess } from '#support/access/workflow_access'
import { stampSlaClock } from '#actions/processes/sla_stamp'

export type StartProcessParams = {
  workflowKey: string
  title: string
  data?: Record<string, unknown>
  assigneeId?: number | null
  priority?: Priority
  /** Null for a child process started by the system (app/actions/processes/children). */
  actor: User | null
  idempotencyKey?: string | null
  at?: DateTime
  /** A child process: its parent, the parent's stage entry and its position (unique). */
  parent?: { id: number; sequence: number; index: number }
}

/**
 * Starts a process on the latest published version of a workflow: a new
 * row at version 1, its `started` event and outbox messages, in one
 * transaction. The reference number comes from a per-workflow counter.
 */
export default class StartProcess {
  async handle(params: StartProcessParams): Promise<{ process: Process; replayed: boolean }> {
    const { actor, idempotencyKey } = params
    const actorId = actor?.id ?? null
    if (idempotencyKey || params.parent) {
      const earlier = await this.findEarlier(actorId, idempotencyKey, params.parent)
      if (earlier) return { process: earlier, replayed: true }
    }

    const workflow = await Workflow.findBy('key', params.workflowKey)
    // The engine itself (a parent starting its children) needs no audience.
    if (!workflow || (actor && !(await mayAccess(actor, workflow.id, 'see'))))
      throw new NotFound(`Workflow "${params.workflowKey}"`)
    if (actor && !(await mayAccess(actor, workflow.id, 'start')))
      throw new Forbidden('You may not start processes of this workflow')
    const version = await WorkflowVersion.query()
      .where('workflow_id', workflow.id)
      .where('status', 'published')
      .orderBy('number', 'desc')
      .first()
    if (!version) throw new WorkflowNotPublished(workflow.key)

    const definition = await definitionOf(version.id)
    // Defaults were checked at publish; the given values are checked here.
    const validation = validateProcessData(fieldDeclarations(definition), params.data ?? {})
    if (!validation.valid) throw new InvalidProcessData(validation.errors)

    const at = params.at ?? DateTime.now()
    const startStage = startStageOf(definition)
    const assigneeId = await this.resolveAssignee(
      params.assigneeId,
      startStage.assignee,
      workflow.id,
      at
    )
    const started: EngineEvent = {
      sequence: 1,
      type: 'started',
      fromStage: null,
      toStage: startStage.key,
      actorId,
      payload: {
        workflowVersionId: version.id,
        title: params.title,
        priority: params.priority ?? 'normal',
        data: withDefaults(definition, validation.value),
        assigneeId,
      },
      occurredAt: at.toJSDate(),
    }
    const state = await stampSlaClock({
      workflowId: workflow.id,
      processId: null,
      before: null,
      last: started,
      next: applyEvent(null, started, () => definition),
      resolve: () => definition,
    })

    try {
      const webhookTypes = await subscribedWebhookTypes()
      const watching = await anyWatchedViews()
      const id = await leanTransaction(async (trx) => {
        await trx.run('UPDATE workflows SET process_counter = process_counter + 1 WHERE id = ?', [
          workflow.id,
        ])
        const [counter] = await trx.all<{ process_counter: number }>(
          'SELECT process_counter FROM workflows WHERE id = ?',
          [workflow.id]
        )
        const reference = `${workflow.referencePrefix}-${String(counter!.process_counter).padStart(6, '0')}`
        const { insertId: newId } = await trx.insert('processes', [
          {
            workflow_id: workflow.id,
            workflow_version_id: version.id,
            reference,
            title: state.title,
            data: JSON.stringify(state.data),
            stage_key: state.stage,
            status: state.status,
            priority: state.priority,
            creator_id: actorId,
            assignee_id: state.assigneeId,
            queue_team: queueOf(startStage, state),
            due_at: sqlTime(state.dueAt),
            sla_breached: false,
            version: 1,
            idempotency_key: idempotencyKey ?? null,
            stage_entered_at: sqlTime(at),
            created_at: sqlTime(at),
            updated_at: sqlTime(at),
            closed_at: sqlTime(state.closedAt),
            parent_id: params.parent?.id ?? null,
            parent_sequence: params.parent?.sequence ?? null,
            parent_index: params.parent?.index ?? null,
          },
        ])
        await recordEvent(
          trx,
          newId,
          started,
          null,
          [...stageEntryTimers(definition, state, newId, at), ...viewWatchOutbox(watching, newId)],
          webhookTypes
        )
        await indexWholeProcess(
          trx,
          { ...state, id: newId, workflowId: workflow.id, reference, createdAt: at },
          definition,
          { fresh: true }
        )
        return newId
      })
      return { process: await Process.findOrFail(id), replayed: false }
    } catch (error) {
      if ((idempotencyKey || params.parent) && isUniqueViolation(error)) {
        const earlier = await this.findEarlier(actorId, idempotencyKey, params.parent)
        if (earlier) return { process: earlier, replayed: true }
      }
      throw error
    }
  }

  protected findEarlier(
    creatorId: number | null,
    key: string | null | undefined,
    parent: StartProcessParams['parent']
  ) {
    // A child is one per position of its parent's stage entry, whoever started it.
    if (parent) {
      return Process.query()
        .where('parent_id', parent.id)
        .where('parent_sequence', parent.sequence)
        .where('parent_index', parent.index)
        .first()
    }
    return Process.query()
      .where('creator_id', creatorId ?? 0)
      .where('idempotency_key', key!)
      .first()
  }

  /**
   * The explicit assignee, else the start stage's default user (by e-mail;
   * their delegate while they are absent), else a member of the start
   * stage's team picked by its strategy (without one: the team's queue).
   */
  protected async resolveAssignee(
    explicit: number | null | undefined,
    stageAssignee: StageAssignee | undefined,
    workflowId: number,
    at: DateTime
  ) {
    const defaultEmail = stageAssignee?.user
    if (explicit) {
      const user = await User.find(explicit)
      if (!user || !user.isActive) {
        throw new InvalidInput('The assignee is not an active user.', [
          { field: 'assignee', message: 'Choose an active user' },
        ])
      }
      return user.id
    }
    if (defaultEmail) {
      const user = await User.findBy('email', User.normalizeEmailAddress(defaultEmail))
      if (user?.isActive) {
        const delegate = await delegateOf(user, at)
        return delegate && (await mayAccess(delegate, workflowId, 'work')) ? delegate.id : user.id
      }
    }
    if (stageAssignee?.team && stageAssignee.strategy) {
      return pickMember(stageAssignee.team, stageAssignee.strategy, workflowId, at)
    }
    return null
  }
}
