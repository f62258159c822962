import { planChildren } from '#engine/children'
import { stageOf } from '#engine/state_machine'
import ChildSpawn from '#models/child_spawn'
import Process from '#models/process'
import Workflow from '#models/workflow'
import WorkflowVersion from '#models/workflow_version'
import { DomainError } from '#exceptions/domain_error'
import { definitionOf } from '#support/definitions'
import { isUniqueViolation } from '#actions/processes/commit_process_change'
import StartProcess from '#actions/processes/start_process'
import { inSameStageVisit } from '#actions/processes/stage_visit'
import SettleChildren from '#actions/processes/children/settle_children'
import CancelChildren from '#actions/processes/children/cancel_children'

export type SpawnPayload = { processId: number; stage: string; enteredVersion: number }

/** The idempotency key of a child: one per position of one stage entry of its parent. */
const childKey = (parentId: number, sequence: number, index: number) =>
  `parent:${parentId}:${sequence}:${index}`

/**
 * Starts the children of a stage entry, exactly once: each child is a
 * process of the child workflow's latest published version, keyed by its
 * parent, the entry's sequence and its position (unique in the database),
 * so a job that died half-way and runs again starts only the missing ones.
 * A child workflow that is missing or unpublished, or an expression that
 * fails, leaves the parent in "needs attention" (the `child_spawns` row)
 * instead of failing the job.
 */
export default class SpawnChildren {
  async handle(payload: SpawnPayload): Promise<void> {
    const parent = await Process.find(payload.processId)
    if (!parent || !(await inSameStageVisit(parent, payload.stage, payload.enteredVersion))) return
    const definition = await definitionOf(parent.workflowVersionId)
    const settings = stageOf(definition, payload.stage)?.children
    if (!settings) return

    const spawn = await this.spawnRow(parent.id, payload, settings.workflow)
    if (spawn.status === 'needs_attention' || spawn.status === 'done') return
    if (spawn.status === 'spawning') {
      const problem = await this.childWorkflowProblem(settings.workflow)
      if (problem) return this.attention(spawn, problem)
      const plan = planChildren(definition, settings, parent.data, parent.title)
      if (!plan.ok) return this.attention(spawn, plan.message)
      spawn.total = plan.children.length
      await spawn.save()

      for (const child of plan.children) {
        // A parent cancelled meanwhile: start nothing more (its cancel job stops the rest).
        const current = await Process.query().where('id', parent.id).select('status').first()
        if (current?.status !== 'active') break
        try {
          await new StartProcess().handle({
            workflowKey: settings.workflow,
            title: child.title,
            data: child.data,
            priority: parent.priority,
            actor: null,
            idempotencyKey: childKey(parent.id, payload.enteredVersion, child.index),
            parent: { id: parent.id, sequence: payload.enteredVersion, index: child.index },
          })
        } catch (error) {
          if (error instanceof DomainError) {
            return this.attention(
              spawn,
              `Child ${child.index + 1} could not start: ${error.message}`
            )
          }
          throw error
        }
      }
      const after = await Process.query().where('id', parent.id).select('status').first()
      if (after?.status !== 'active') {
        // Cancelled while spawning: the children started after its cancel job ran go too.
        await new CancelChildren().handle({ processId: parent.id })
        return
      }
      spawn.status = 'waiting'
      await spawn.save()
    }
    // Children may have closed before the last one started (or there are none).
    await new SettleChildren().handle({ parentId: parent.id })
  }

  /** The entry's row, created once (the unique key settles two jobs racing). */
  protected async spawnRow(parentId: number, payload: SpawnPayload, workflow: string) {
    const find = () =>
      ChildSpawn.query()
        .where('parent_id', parentId)
        .where('entry_sequence', payload.enteredVersion)
        .first()
    const existing = await find()
    if (existing) return existing
    try {
      return await ChildSpawn.create({
        parentId,
        entrySequence: payload.enteredVersion,
        stageKey: payload.stage,
        childWorkflow: workflow,
        status: 'spawning',
        total: 0,
        error: null,
      })
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
      return (await find())!
    }
  }

  /** Why the child workflow cannot be started now, or null. */
  protected async childWorkflowProblem(key: string): Promise<string | null> {
    const workflow = await Workflow.findBy('key', key)
    if (!workflow) return `The child workflow "${key}" does not exist.`
    const published = await WorkflowVersion.query()
      .where('workflow_id', workflow.id)
      .where('status', 'published')
      .first()
    return published ? null : `The child workflow "${key}" has no published version.`
  }

  protected async attention(spawn: ChildSpawn, message: string) {
    spawn.merge({ status: 'needs_attention', error: message })
    await spawn.save()
  }
}
