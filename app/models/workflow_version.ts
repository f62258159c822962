import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import type { WorkflowDefinition } from '#engine/definition'
import Workflow from '#models/workflow'
import WorkflowStage from '#models/workflow_stage'
import WorkflowTransition from '#models/workflow_transition'
import WorkflowField from '#models/workflow_field'
import { jsonColumn } from '#support/json_column'

export type VersionStatus = 'draft' | 'published' | 'archived'

/** Where the designer's canvas draws each stage, by stage key (presentation only). */
export type StageLayout = Record<string, { x: number; y: number }>

export default class WorkflowVersion extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare workflowId: number

  @column()
  declare number: number

  @column()
  declare status: VersionStatus

  /** The definition document; immutable once published. */
  @jsonColumn()
  declare definition: WorkflowDefinition

  /** Positions of the stages on the canvas; null = automatic layout. Not part of the definition. */
  @jsonColumn()
  declare layout: StageLayout | null

  @column()
  declare createdBy: number | null

  @column()
  declare publishedBy: number | null

  @column.dateTime()
  declare publishedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Workflow)
  declare workflow: BelongsTo<typeof Workflow>

  @hasMany(() => WorkflowStage)
  declare stages: HasMany<typeof WorkflowStage>

  @hasMany(() => WorkflowTransition)
  declare transitions: HasMany<typeof WorkflowTransition>

  @hasMany(() => WorkflowField)
  declare fields: HasMany<typeof WorkflowField>
}
