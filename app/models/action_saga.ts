import type { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Process from '#models/process'
import User from '#models/user'

/**
 * running → compensating → compensated (the process then takes its
 * failure transition), or → needs_attention when a compensation failed
 * after its retries (an admin retries it or resolves it by hand).
 */
export type SagaStatus = 'compensating' | 'compensated' | 'needs_attention'

/** The saga of a process, once one of its steps failed for good. */
export default class ActionSaga extends BaseModel {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare processId: number

  @column()
  declare status: SagaStatus

  @column()
  declare failedAction: string | null

  @column()
  declare reason: string | null

  @column()
  declare failureTransition: string | null

  @column()
  declare resolvedBy: number | null

  @column()
  declare resolutionComment: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Process)
  declare process: BelongsTo<typeof Process>

  @belongsTo(() => User, { foreignKey: 'resolvedBy' })
  declare resolver: BelongsTo<typeof User>
}
