import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Workflow from '#models/workflow'
import WorkflowVersion from '#models/workflow_version'
import User from '#models/user'
import { jsonColumn } from '#support/json_column'

export default class ProcessMigration extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare workflowId: number

  @column()
  declare fromVersionId: number

  @column()
  declare toVersionId: number

  /** Old stage key → new stage key. */
  @jsonColumn()
  declare mapping: Record<string, string>

  @column()
  declare status: 'pending' | 'running' | 'completed' | 'failed'

  @column()
  declare total: number

  @column()
  declare moved: number

  @column()
  declare refused: number

  @column()
  declare failed: number

  @column()
  declare requestedBy: number | null

  @column()
  declare error: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime()
  declare startedAt: DateTime | null

  @column.dateTime()
  declare finishedAt: DateTime | null

  @belongsTo(() => Workflow)
  declare workflow: BelongsTo<typeof Workflow>

  @belongsTo(() => WorkflowVersion, { foreignKey: 'fromVersionId' })
  declare fromVersion: BelongsTo<typeof WorkflowVersion>

  @belongsTo(() => WorkflowVersion, { foreignKey: 'toVersionId' })
  declare toVersion: BelongsTo<typeof WorkflowVersion>

  @belongsTo(() => User, { foreignKey: 'requestedBy' })
  declare requester: BelongsTo<typeof User>

  get progress() {
    return this.total
      ? Math.round(((this.moved + this.refused + this.failed) / this.total) * 100)
      : 100
  }
}
