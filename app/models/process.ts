import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import type { ProcessState, Priority } from '#engine/replay'
import type { ProcessStatus } from '#engine/state_machine'
import User from '#models/user'
import Workflow from '#models/workflow'
import WorkflowVersion from '#models/workflow_version'
import ProcessEvent from '#models/process_event'
import { jsonColumn } from '#support/json_column'
import { applyDataFilters, applyFreeText, type DataFilter } from '#models/process_search'
import type { ProcessSort } from '#enums/process_list'

export type ProcessFilters = {
  workflow?: string | null
  stage?: string | null
  status?: ProcessStatus | null
  assignee?: number | 'me' | 'none' | null
  priority?: Priority | null
  overdue?: boolean | null
  createdFrom?: DateTime | null
  createdTo?: DateTime | null
  q?: string | null
  /** Workflows the viewer may not see (`hiddenWorkflowIds`): their processes are left out. */
  hiddenWorkflows?: number[]
  /** Sub-processes only, or top-level processes only. */
  parent?: 'has_parent' | 'top_level' | null
  /** Conditions on searchable fields (`?data.amount[gt]=1000`), checked by `checkDataFilters`. */
  data?: DataFilter[]
}

/**
 * A running (or finished) instance of a workflow version. Its columns are
 * the current state; the event log is the history that rebuilds it. Only
 * the engine's write path (app/actions/processes) changes a process.
 */
export default class Process extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare workflowId: number

  @column()
  declare workflowVersionId: number

  @column()
  declare reference: string

  @column()
  declare title: string

  @jsonColumn()
  declare data: Record<string, unknown>

  @column()
  declare stageKey: string

  @column()
  declare status: ProcessStatus

  @column()
  declare priority: Priority

  @column()
  declare creatorId: number | null

  @column()
  declare assigneeId: number | null

  /** The team whose queue the process waits in (unassigned, in a team stage); set by the write path. */
  @column()
  declare queueTeam: string | null

  @column.dateTime()
  declare dueAt: DateTime | null

  @column({ consume: (value) => Boolean(value) })
  declare slaBreached: boolean

  @column()
  declare version: number

  @column({ serializeAs: null })
  declare idempotencyKey: string | null

  @column.dateTime()
  declare stageEnteredAt: DateTime

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @column.dateTime()
  declare closedAt: DateTime | null

  /** Sub-processes: the parent, the sequence of its stage entry that started this child, and the position. */
  @column()
  declare parentId: number | null

  @column()
  declare parentSequence: number | null

  @column()
  declare parentIndex: number | null

  @belongsTo(() => Workflow)
  declare workflow: BelongsTo<typeof Workflow>

  @belongsTo(() => WorkflowVersion)
  declare workflowVersion: BelongsTo<typeof WorkflowVersion>

  @belongsTo(() => User, { foreignKey: 'assigneeId' })
  declare assignee: BelongsTo<typeof User>

  @belongsTo(() => User, { foreignKey: 'creatorId' })
  declare creator: BelongsTo<typeof User>

  @hasMany(() => ProcessEvent)
  declare events: HasMany<typeof ProcessEvent>

  get isOverdue() {
    return this.status === 'active' && this.dueAt !== null && this.dueAt < DateTime.now()
  }

  /**
   * The state as the engine sees it (the shape replay produces).
   */
  toState(): ProcessState {
    return {
      workflowVersionId: this.workflowVersionId,
      title: this.title,
      priority: this.priority,
      stage: this.stageKey,
      status: this.status,
      data: this.data,
      assigneeId: this.assigneeId,
      version: this.version,
      closedAt: this.closedAt?.toJSDate() ?? null,
      dueAt: this.dueAt?.toJSDate() ?? null,
      slaBreached: this.slaBreached,
    }
  }

  /**
   * The list filters of the UI and the API, in one place.
   */
  static filtered = scope((query, filters: ProcessFilters, viewerId?: number) => {
    if (filters.hiddenWorkflows?.length)
      query.whereNotIn('processes.workflow_id', filters.hiddenWorkflows)
    if (filters.workflow) {
      query.whereIn('processes.workflow_id', (sub) =>
        sub.from('workflows').select('id').where('key', filters.workflow!)
      )
    }
    if (filters.stage) query.where('processes.stage_key', filters.stage)
    if (filters.status) query.where('processes.status', filters.status)
    if (filters.priority) query.where('processes.priority', filters.priority)
    if (filters.parent === 'has_parent') query.whereNotNull('processes.parent_id')
    else if (filters.parent === 'top_level') query.whereNull('processes.parent_id')
    if (filters.assignee === 'none') query.whereNull('processes.assignee_id')
    else if (filters.assignee === 'me' && viewerId) query.where('processes.assignee_id', viewerId)
    else if (typeof filters.assignee === 'number')
      query.where('processes.assignee_id', filters.assignee)
    if (filters.overdue) {
      query
        .where('processes.status', 'active')
        .where('processes.due_at', '<', DateTime.now().toSQL({ includeOffset: false })!)
    }
    if (filters.createdFrom)
      query.where(
        'processes.created_at',
        '>=',
        filters.createdFrom.toSQL({ includeOffset: false })!
      )
    if (filters.createdTo)
      query.where('processes.created_at', '<', filters.createdTo.toSQL({ includeOffset: false })!)
    if (filters.q) applyFreeText(query, filters.q)
    if (filters.data?.length) applyDataFilters(query, filters.data)
  })

  /**
   * Leaves out the processes of workflows the viewer may not see: pass
   * `hiddenWorkflowIds(viewer)` (#support/access/workflow_access), computed
   * once per request, so every list, count and export adds the same one
   * condition and no query per row.
   */
  static visibleTo = scope((query, hiddenWorkflowIds: number[]) => {
    if (hiddenWorkflowIds.length) query.whereNotIn('processes.workflow_id', hiddenWorkflowIds)
  })

  static sorted = scope(
    (query, sort: ProcessSort = 'updated_at', direction: 'asc' | 'desc' = 'desc') => {
      const sortColumn = sort === 'stage' ? 'stage_key' : sort
      query.orderBy(`processes.${sortColumn}`, direction).orderBy('processes.id', direction)
    }
  )

  /**
   * How many active processes sit in each stage of a version, by stage key
   * (one grouped query; stages without any are absent).
   */
  static async activeByStage(workflowVersionId: number): Promise<Record<string, number>> {
    const rows = await this.query()
      .where('workflow_version_id', workflowVersionId)
      .where('status', 'active')
      .groupBy('stage_key')
      .select('stage_key')
      .count('* as total')
    return Object.fromEntries(rows.map((row) => [row.stageKey, Number(row.$extras.total)]))
  }
}
