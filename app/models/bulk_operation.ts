import type { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import User from '#models/user'
import { jsonColumn } from '#support/json_column'

export type BulkActionName = 'assign' | 'transition' | 'cancel'

export type BulkParameters = {
  transition?: string
  assigneeId?: number | null
  reason?: string | null
}

/** Either the rows a person ticked or the list filter (query-string values) they applied. */
export type BulkSelection = { ids: number[] } | { filter: Record<string, string> }

export type BulkOutcome = 'pending' | 'succeeded' | 'refused' | 'failed'

/**
 * One bulk action on processes, run in the background (run_bulk_action):
 * who asked, what, on which selection, and how far it got. Its items
 * (bulk_operation_items) hold the outcome per process.
 */
export default class BulkOperation extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare requestedBy: number | null

  @column()
  declare action: BulkActionName

  @jsonColumn()
  declare parameters: BulkParameters

  @jsonColumn()
  declare selection: BulkSelection

  @column()
  declare status: 'pending' | 'running' | 'completed' | 'failed'

  @column()
  declare total: number

  @column()
  declare processed: number

  @column()
  declare succeeded: number

  @column()
  declare refused: number

  @column()
  declare failed: number

  @column()
  declare error: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime()
  declare startedAt: DateTime | null

  @column.dateTime()
  declare finishedAt: DateTime | null

  @belongsTo(() => User, { foreignKey: 'requestedBy' })
  declare requester: BelongsTo<typeof User>

  get progress() {
    return this.total ? Math.round((this.processed / this.total) * 100) : 100
  }

  get isFinished() {
    return this.status === 'completed' || this.status === 'failed'
  }
}
